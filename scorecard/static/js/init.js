// Progressive enhancement only: every page reads and works without JavaScript.
import { initAll } from "../govuk/govuk-frontend.min.js";

initAll();

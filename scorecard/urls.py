from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from scorecard import guides, reminders, search, setup, views

urlpatterns = [
    path("", views.home, name="home"),
    path("sign-in/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("search/", search.search, name="search"),
    path("guides/<slug:name>/", guides.guide, name="guide"),
    path("reminders/", reminders.reminders_page, name="reminders"),
    path("setup/", setup.setup_page, name="setup"),
    path("scorecard/", include("scorecard.performance.urls")),
    path("risks/", include("scorecard.risks.urls")),
    path("projects/", include("scorecard.projects.urls")),
    path("actions/", include("scorecard.actions.urls")),
    path("audits/", include("scorecard.actions.urls_audits")),
    path("reports/", include("scorecard.reporting.urls")),
    path("benchmarking/", include("scorecard.benchmarking.urls")),
    path("administration/public-site/", include("scorecard.public.settings_urls")),
    path("administration/", include("scorecard.organisation.urls")),
    path("import-export/", include("scorecard.interchange.urls")),
    path("open-data/", include("scorecard.interchange.open_data_urls")),
    path("public/", include("scorecard.public.urls")),
    path("api/", include("scorecard.api.urls")),
    path("notifications/", include("scorecard.notifications.urls")),
    path("django-admin/", admin.site.urls),
]

handler403 = "scorecard.views.permission_denied"
handler404 = "scorecard.views.page_not_found"

if settings.OIDC_ENABLED:
    # Optional single sign-on (scorecard/oidc.py): the provider's sign-in and its callback.
    urlpatterns.append(path("sign-in/oidc/", include("scorecard.oidc")))

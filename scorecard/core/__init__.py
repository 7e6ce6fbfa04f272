"""Pure rules of the product: no Django, no database. Each module is importable on its own."""

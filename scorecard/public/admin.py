from django.contrib import admin

from .models import PublicSite

admin.site.register(PublicSite)

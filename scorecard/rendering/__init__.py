"""Turning report content into files: charts (SVG, PNG), PDF and DOCX.

No Django import: these modules take plain data and HTML, so they are easy to test and reuse
from commands, views and scheduled tasks alike.
"""

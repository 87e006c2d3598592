"""The web shell around every blueprint; no routes live here.

htmx (one URL, two renderings), errors (friendly error pages), headers
(security headers), validators (ETags, 304s and Cache-Control), static_files
(addresses that change with the content, cached for a year), converters
(URL converters), templating (template globals), fragments (story and maker
cards memoised by what they show), pagination (keyset pages),
navigation (safe redirects and public addresses), cache (short-lived numbers
for filters).

May import: safety, models, content, extensions. Never a blueprint.
"""

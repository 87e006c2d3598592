"""The single doors content passes through, each the only module that does its job:

- sanitise: Markdown to safe HTML (the only importer of bleach and markdown-it);
- images: checking and re-encoding photos (the only importer of Pillow);
- uploads: where stored photos live on disk;
- search: the full-text index (the only module that reads or writes it);
- fetch: the guarded fetcher, the only way the server opens an address a user gave;
- text, slugs, crafts: names, places, profile addresses, the list of crafts.

May import: the shared extensions and config, and each other. Nothing here knows
the models: search is handed the queries it searches within.
"""

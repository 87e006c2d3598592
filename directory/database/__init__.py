"""The database as an operator sees it: the engine chosen by DATABASE_URL and
opened per request (engine), the schema and `flask init-db` (migrations),
and `flask backup` / `flask restore` (backup).

May import: writes (to rebuild derived data after an upgrade), safety, models,
content, extensions.
"""

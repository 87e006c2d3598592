"""The one write path: every change to a profile, a story or a link goes
through here, in one transaction that also cleans the text, refreshes the
search index and the fingerprint, and lets the spam rules look.

profiles (accounts and profiles), stories (stories and their photos), links,
rebuild (derived data computed again from the content).

May import: safety, models, content, extensions. Never the web layer or a blueprint.
"""

"""What keeps the directory trustworthy: the spam rules (spam), near-copy
detection (fingerprints), password rules (passwords), what moderation does
to content (decisions), visitors' reports (reports), and what a maker is told
when the public cannot see their work (notices).

May import: models, content, extensions. Never the web layer or a blueprint.
"""

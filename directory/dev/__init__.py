"""Data for trying the directory: demo makers and stories (demo), and many
synthetic ones for benchmarks (bulk). Used by `flask seed-demo`.

May import: writes, safety, models, content, extensions.
"""

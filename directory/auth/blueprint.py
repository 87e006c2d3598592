"""The auth blueprint (its views live beside it, one module per job)."""

from flask import Blueprint

bp = Blueprint("auth", __name__)

"""A community directory for independent makers."""

import os

from flask import Flask
from flask.logging import default_handler

from . import config


def create_app(test_config=None):
    """Build the app: config, extensions, blueprints, error pages, CLI."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    app = Flask(
        __name__,
        instance_relative_config=True,
        template_folder=os.path.join(root, "templates"),
        static_folder=os.path.join(root, "static"),
    )
    os.makedirs(app.instance_path, exist_ok=True)
    app.config.from_mapping(config.defaults(app.instance_path))
    app.config.update(config.from_environment())
    if test_config:
        app.config.update(test_config)
    config.ensure_secret_key(app)
    config.share_through_redis(app)
    config.warn_about_fetch_exemptions(app)

    from .database import engine
    from .extensions import compress, csrf, htmx, limiter, login_manager, mail
    from .web import (
        converters,
        errors,
        fragments,
        headers,
        page_cache,
        static_files,
        templating,
        validators,
    )

    converters.init_app(app)
    engine.init_app(app)
    csrf.init_app(app)
    htmx.init_app(app)
    login_manager.init_app(app)
    limiter.init_app(app)
    # The limiter says when its store (Redis) is lost and it counts per process:
    # its warnings go where the app's own log goes.
    if default_handler not in limiter.logger.handlers:
        limiter.logger.addHandler(default_handler)
    mail.init_app(app)
    templating.init_app(app)
    fragments.init_app(app)
    errors.init_app(app)
    headers.init_app(app)
    # Responses pass these in reverse: validators (an ETag of the page), then
    # compression (which marks the ETag with its encoding), then the cache.
    compress.init_app(app)
    validators.init_app(app)
    static_files.init_app(app)
    page_cache.init_app(app)

    from .account import bp as account_bp
    from .auth import bp as auth_bp
    from .cli import register as register_cli
    from .moderation import bp as moderation_bp
    from .moderation import log_bp as moderation_log_bp
    from .public import BLUEPRINTS as public_blueprints

    for blueprint in (*public_blueprints, auth_bp, account_bp, moderation_bp,
                      moderation_log_bp):
        app.register_blueprint(blueprint)
    register_cli(app)
    return app

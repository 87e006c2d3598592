"""The bare baseline: a Flask app that answers "hello", served by the same
gunicorn settings as the directory, so each page's throughput can be given
as a share of what this machine and server can do at all."""

from flask import Flask

app = Flask(__name__)


@app.route("/")
def hello():
    return "hello"

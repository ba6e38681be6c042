"""``qualmrs serve``: the project in the browser (Starlette, Jinja2, plain JavaScript).

Only this package imports the web framework; it uses the project only through the front
door (``qualmrs.project``).
"""

from .app import create_app
from .server import serve

__all__ = ["create_app", "serve"]

"""The people of a team project in the browser (owners only, by ``LEAST_ROLE``): a page and
``/api/users`` routes that call the front door's user functions."""

from __future__ import annotations

from starlette.responses import JSONResponse

from ..errors import QualmrsError
from .api import _need, endpoint
from .pages import _guarded


def _users(site) -> list[dict]:
    return [{"name": u.name, "role": u.role, "created": u.created}
            for u in site.project.users()]


def _text(value, name: str) -> str:
    if not isinstance(value, str):
        raise QualmrsError(f"{name} must be a string")
    return value


async def page(request):
    return await _guarded(request, "people.html", "People", lambda p: {})


@endpoint
def users(request, site, body):
    return {"users": _users(site), "me": site.coder_of(request)}


@endpoint
def add_user(request, site, body):
    name, role, password = _need(body, "name", "role", "password")
    user = site.project.add_user(_text(name, "name"), _text(password, "password"),
                                 _text(role, "role"))
    site.forget_roles()
    return JSONResponse({"user": {"name": user.name, "role": user.role,
                                  "created": user.created}, "users": _users(site)},
                        status_code=201)


@endpoint
def change_user(request, site, body):
    """``{"role": ...}`` and/or ``{"password": ...}`` for the user in the address."""
    name = request.path_params["name"]
    if "role" not in body and "password" not in body:
        raise QualmrsError("give a role or a password to change")
    with site.project.atomic():  # both or neither
        site.project.user(name)  # known, or the error listing the users
        if "password" in body:
            site.project.set_password(name, _text(body["password"], "password"))
        if "role" in body:
            site.project.set_role(name, _text(body["role"], "role"))
    site.forget_roles()
    return {"users": _users(site)}


@endpoint
def remove_user(request, site, body):
    site.project.remove_user(request.path_params["name"])
    site.forget_roles()
    return {"users": _users(site)}

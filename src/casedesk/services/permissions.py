"""Roles, enforced in the services (not only hidden in the interface).

admin: everything; advocate: everyday work (import, edit, merge, documents, evidence); read-only:
look and print nothing new. A database with no registered users is single-user: its user is admin.
A user the team has not registered is read-only."""

from sqlalchemy import func
from sqlmodel import Session, select

from ..store.db import transaction
from ..store.models import User
from . import audit
from .context import Context
from .errors import UserError

ROLES = ("admin", "advocate", "read-only")
_RANK = {"read-only": 0, "advocate": 1, "admin": 2}
ACTIONS = {"write": "advocate", "admin": "admin"}


class Forbidden(UserError):
    pass


def role(ctx: Context) -> str:
    with Session(ctx.engine) as s:
        if not s.exec(select(func.count()).select_from(User)).one():
            return "admin"
        user = s.exec(select(User).where(User.name == ctx.user)).first()
        return user.role if user else "read-only"


def require(ctx: Context, action: str, what: str) -> None:
    """Refuse `what` unless the current user's role allows `action` (write | admin)."""
    have = role(ctx)
    if _RANK[have] < _RANK[ACTIONS[action]]:
        raise Forbidden(f"用户「{ctx.user}」的角色是 {have}，不能{what}（需要 {ACTIONS[action]}）")


def add_user(ctx: Context, name: str, user_role: str) -> None:
    if user_role not in ROLES:
        raise UserError(f"角色应为 {'、'.join(ROLES)} 之一")
    if not name.strip():
        raise UserError("用户名不能为空")
    with Session(ctx.engine) as s:
        first = not s.exec(select(func.count()).select_from(User)).one()
    if not first:
        require(ctx, "admin", "管理用户")
    elif user_role != "admin":
        raise UserError("第一个登记的用户必须是 admin（否则将无人能管理用户）")
    with transaction(ctx.engine) as s:
        existing = s.exec(select(User).where(User.name == name.strip())).first()
        if existing:
            existing.role = user_role
            s.add(existing)
        else:
            s.add(User(name=name.strip(), role=user_role))
        audit.record(s, ctx.user, "user", None, "set_role", after={"name": name.strip(), "role": user_role})


def users(ctx: Context) -> list[tuple[str, str]]:
    with Session(ctx.engine) as s:
        return [(u.name, u.role) for u in s.exec(select(User).order_by(User.name))]

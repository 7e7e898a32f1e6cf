"""The database tables (SQLAlchemy 2 declarative); changed only through migrations."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def new_id() -> str:
    """A random identifier that reveals nothing (drafts and batches are private to a unit)."""
    return uuid.uuid4().hex


class Base(DeclarativeBase):
    """Metadata shared by every table."""


class UnitRow(Base):
    """An administrative unit (đơn vị): its members see only its drafts and batches."""

    __tablename__ = "units"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # a slug: `xa-quang-thuan`
    name: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )


class UserRow(Base):
    """An officer's local account; the password is stored only as an Argon2id hash."""

    __tablename__ = "users"

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    is_admin: Mapped[bool] = mapped_column(default=False)
    disabled: Mapped[bool] = mapped_column(default=False)
    session_version: Mapped[int] = mapped_column(Integer, default=0)  # +1 revokes sessions
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )


class ApiKeyRow(Base):
    """A key another system calls the API with, scoped to one unit, revocable."""

    __tablename__ = "api_keys"

    id: Mapped[str] = mapped_column(String(16), primary_key=True)  # the key's public prefix
    unit: Mapped[str] = mapped_column(ForeignKey("units.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    secret_hash: Mapped[str] = mapped_column(String(64))  # SHA-256 of a 256-bit random secret
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class DraftRow(Base):
    """A plan being written: the JSON exactly as typed, valid or not, so nothing is lost."""

    __tablename__ = "drafts"
    __table_args__ = (
        Index("ix_drafts_unit_idempotency_key", "unit", "idempotency_key", unique=True),
        Index("ix_drafts_unit_updated_at_id", "unit", "updated_at", "id"),
    )

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    unit: Mapped[str] = mapped_column(String(64), index=True)
    name: Mapped[str] = mapped_column(String(300))
    document_type: Mapped[str | None] = mapped_column(String(20))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    parent_id: Mapped[str | None] = mapped_column(String(32))  # duplicated or cascaded from
    revision: Mapped[int] = mapped_column(Integer, default=1)  # optimistic concurrency
    idempotency_key: Mapped[str | None] = mapped_column(String(200))  # POST /drafts replays
    request_hash: Mapped[str | None] = mapped_column(String(64))  # ...only the same request
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )


class BatchRow(Base):
    """A batch: one base plan expanded per commune; its state survives restarts."""

    __tablename__ = "batches"
    __table_args__ = (UniqueConstraint("unit", "idempotency_key"),)

    id: Mapped[str] = mapped_column(String(32), primary_key=True, default=new_id)
    unit: Mapped[str] = mapped_column(String(64), index=True)
    idempotency_key: Mapped[str | None] = mapped_column(String(200))
    request_hash: Mapped[str] = mapped_column(String(64))
    # queued, running, then done, partial or failed
    status: Mapped[str] = mapped_column(String(20), index=True)
    formats: Mapped[list[str]] = mapped_column(JSON)
    plan: Mapped[dict[str, Any]] = mapped_column(JSON)
    options: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    total: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
    started_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class BatchItemRow(Base):
    """One commune of a batch: its row of values, its state, its outputs."""

    __tablename__ = "batch_items"
    __table_args__ = (UniqueConstraint("batch_id", "position"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    batch_id: Mapped[str] = mapped_column(ForeignKey("batches.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(300))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(20), index=True)  # pending running done failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    outputs: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    claimed_by: Mapped[str | None] = mapped_column(String(100))  # worker holding the lease
    claimed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )

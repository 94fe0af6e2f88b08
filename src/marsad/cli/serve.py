"""CLI: ``marsad users add|list|set|token`` and ``marsad serve`` (thin adapters
over marsad.review.users and marsad.api)."""

from __future__ import annotations

import click

from marsad.cli import cli
from marsad.cli.store import database_option


def _database(url):
    from marsad.store.db import open_database

    return open_database(url)


@cli.group()
def users() -> None:
    """Newsroom accounts: admin, reviewer, analyst, viewer.

    \b
    Example:
        marsad users add amal --role reviewer
    """


@users.command("add")
@click.argument("username")
@click.option("--role", type=click.Choice(["admin", "reviewer", "analyst", "viewer"]), required=True,
              help="viewer reads verified material; analyst proposes corrections; reviewer verifies; admin manages users and sources.")
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of standard input (for scripts).")
@database_option
def users_add(username, role, password_stdin, database_url) -> None:
    """Add an account; prompts for its password (there is no default password).

    \b
    Example:
        marsad users add amal --role reviewer
        printf '%s\\n' "$PASSWORD" | marsad users add bot --role viewer --password-stdin
    """
    from marsad.review.users import add_user

    password = _read_password(password_stdin)
    with _database(database_url).transaction() as session:
        add_user(session, username, role=role, password=password)
    click.echo(f"Added {username} ({role}).")


def _read_password(from_stdin: bool) -> str:
    import sys

    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return click.prompt("Password", hide_input=True, confirmation_prompt=True)


@users.command("list")
@database_option
def users_list(database_url) -> None:
    """List accounts and their roles.

    \b
    Example:
        marsad users list
    """
    from marsad.review.users import list_users

    with _database(database_url).reader() as session:
        rows = list_users(session)
        if not rows:
            click.echo("No accounts yet: add one with `marsad users add NAME --role admin`.", err=True)
        for user in rows:
            click.echo(f"{user.username}\t{user.role}\t{'active' if user.active else 'disabled'}")


@users.command("set")
@click.argument("username")
@click.option("--role", type=click.Choice(["admin", "reviewer", "analyst", "viewer"]), help="New role.")
@click.option("--disable/--enable", default=None, help="Disable (or re-enable) the account; ends its sessions.")
@click.option("--password", "change_password", is_flag=True, help="Prompt for a new password.")
@database_option
def users_set(username, role, disable, change_password, database_url) -> None:
    """Change an account's role, password or active flag.

    \b
    Example:
        marsad users set amal --role admin
        marsad users set amal --password
    """
    from marsad.review.users import update_user

    password = _read_password(False) if change_password else None
    with _database(database_url).transaction() as session:
        update_user(session, username, by="cli", role=role, active=None if disable is None else not disable, password=password)
    click.echo(f"Updated {username}.")


@users.command("token")
@click.argument("username")
@click.option("--name", help="What the token is for (shown in the audit log).")
@database_option
def users_token(username, name, database_url) -> None:
    """Make an API token for scripts (printed once; stored hashed).

    \b
    Example:
        marsad users token amal --name nightly-export
        curl -H "Authorization: Bearer mt_…" http://127.0.0.1:8000/api/v1/events
    """
    from marsad.review.users import create_token

    with _database(database_url).transaction() as session:
        token = create_token(session, username, name=name)
    click.echo(token)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (keep 127.0.0.1 behind a reverse proxy).")
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=1, show_default=True, type=int, help="Uvicorn worker processes.")
@click.option("--no-auto-reconcile", is_flag=True, help="Do not recompute incidents after each decision (very large archives).")
@click.option("--https-only", is_flag=True, help="Send the session cookie over HTTPS only (behind a TLS proxy).")
@database_option
def serve(host, port, workers, no_auto_reconcile, https_only, database_url) -> None:
    """Run the newsroom dashboard and the read API on the same database.

    \b
    Example:
        marsad users add amal --role reviewer
        marsad serve                      # then open http://127.0.0.1:8000
    """
    import os

    import uvicorn

    from marsad.api.app import session_secret
    from marsad.config import database_url as resolve

    # Workers are separate processes: hand them the settings through the environment.
    os.environ["MARSAD_DATABASE_URL"] = resolve(database_url)
    os.environ["MARSAD_SECRET_KEY"] = session_secret()
    os.environ["MARSAD_AUTO_RECONCILE"] = "0" if no_auto_reconcile else "1"
    os.environ["MARSAD_HTTPS_ONLY"] = "1" if https_only else "0"
    _database(database_url)  # migrate once, before workers start
    click.echo(f"marsad newsroom on http://{host}:{port}  (API: http://{host}:{port}/api/docs)", err=True)
    uvicorn.run("marsad.api.app:app_from_environment", factory=True, host=host, port=port, workers=workers,
                log_level="warning")

"""The `netra` command: `up`, `serve`, `worker`, `demo`, `backup`, `restore` and `manage ...`;
`netra <app> <verb>` (e.g. `netra roster import`) runs that app's management command (see
ALIASES)."""

import argparse
import os
import secrets
import signal
import sys
import threading
from importlib import import_module
from pathlib import Path

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


class CliError(Exception):
    """A problem the operator can fix; printed as one line, never as a traceback."""


def data_dir() -> Path:
    return Path(os.environ.get("NETRA_DATA_DIR", "var")).resolve()


def prepare_data_dir() -> Path:
    """Create the data directory and, for the embedded default, its secret key, once."""
    path = data_dir()
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        probe = path / ".write-test"
        probe.write_text("ok")
        probe.unlink()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise CliError(
            f"netra: data directory {path} is not usable ({reason}); "
            "set NETRA_DATA_DIR to a writable directory."
        ) from None
    production = os.environ.get("NETRA_ENV") == "production"
    has_key = os.environ.get("NETRA_SECRET_KEY") or os.environ.get("NETRA_SECRET_KEY_FILE")
    key_file = path / "secret_key"
    if production and not has_key:
        raise CliError(
            "netra: NETRA_SECRET_KEY or NETRA_SECRET_KEY_FILE must be set "
            "when NETRA_ENV=production."
        )
    if not has_key and not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    vault_file = os.environ.get("NETRA_VAULT_KEY_FILE")
    if production and not vault_file:
        raise CliError("netra: NETRA_VAULT_KEY_FILE must be set when NETRA_ENV=production.")
    if not vault_file:
        from netra.reports.vault import create_key_file

        create_key_file(path / "vault.key")
    audit_key_file = os.environ.get("NETRA_AUDIT_KEY_FILE")
    if production and not audit_key_file:
        raise CliError("netra: NETRA_AUDIT_KEY_FILE must be set when NETRA_ENV=production.")
    if not audit_key_file:
        from netra.audit.chain import create_key_file as create_audit_key_file

        create_audit_key_file(path / "audit.key")
    return path


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netra.settings")
    import django

    django.setup()


def migrate_and_load(verbosity=0):
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=verbosity)
    from netra.regions.reference import load_reference_data

    return load_reference_data()


def cmd_up(args):
    prepare_data_dir()
    setup_django()
    counts = migrate_and_load()
    print(
        f"Data referensi: {counts['provinces']} provinsi, {counts['regencies']} kabupaten/kota, "
        f"{counts['districts']} kecamatan, {counts['elections']} pemilihan, "
        f"{counts['holidays']} hari libur."
    )
    from netra.accounts.actions import ensure_first_admin

    created = ensure_first_admin()
    if created:
        username, password = created
        print("Akun administrator pertama dibuat / first administrator created:")
        print(f"  username: {username}")
        print(f"  password: {password}   (sekali pakai: wajib diganti saat masuk pertama)")
    supervisor = None
    if not args.no_worker:
        # `netra worker` supervises the worker itself; this thread restarts `netra worker` in
        # turn should it ever die (gunicorn may reap it first: then its exit code reads 0).
        from netra.worker.supervisor import Supervisor

        supervisor = Supervisor(
            [sys.executable, "-m", "netra.cli", "worker"], name="worker supervisor"
        )
        keeper = threading.Thread(target=supervisor.run, name="netra-worker-keeper", daemon=True)
        keeper.start()
    try:
        serve(args.host, args.port, args.workers)
    finally:
        if supervisor is not None:
            supervisor.stop()
            keeper.join(timeout=30)


def serve(host, port, workers):
    """Serve with gunicorn (threads per worker), static files through whitenoise."""
    from gunicorn.app.base import BaseApplication

    from netra.wsgi import application

    print(f"Netra berjalan di http://{host}:{port}/", flush=True)

    class NetraServer(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("worker_class", "gthread")
            self.cfg.set("threads", 4)
            self.cfg.set("timeout", 120)
            self.cfg.set("accesslog", os.environ.get("NETRA_ACCESS_LOG") or None)
            # One control socket per installation, not one shared in the home directory.
            self.cfg.set("control_socket", str(data_dir() / "gunicorn.ctl"))

        def load(self):
            return application

    NetraServer().run()


def cmd_serve(args):
    prepare_data_dir()
    setup_django()
    serve(args.host, args.port, args.workers)


def cmd_worker(args):
    """`netra worker` supervises one worker process and restarts it when it stops; with
    --batch (or as that supervised process) it runs the tasks itself."""
    if args.batch or args.supervised:
        return _run_worker(args)
    from netra.worker.supervisor import Supervisor

    command = [
        sys.executable,
        "-m",
        "netra.cli",
        "worker",
        "--supervised",
        "--interval",
        str(args.interval),
    ]
    # The worker touches this file while it lives; one that stops touching it (hung, or
    # stopped) is killed and restarted.
    beat_file = data_dir() / f"worker-{os.getpid()}.beat"
    os.environ["NETRA_WORKER_BEAT_FILE"] = str(beat_file)
    supervisor = Supervisor(
        command,
        name="worker",
        beat_file=beat_file,
        silent_seconds=float(os.environ.get("NETRA_WORKER_STALE_SECONDS", 120)),
    )
    signal.signal(signal.SIGTERM, supervisor.stop)
    signal.signal(signal.SIGINT, supervisor.stop)
    try:
        supervisor.run()
    finally:
        beat_file.unlink(missing_ok=True)
    return 0


def _run_worker(args):
    prepare_data_dir()
    setup_django()
    import logging

    from django.utils.crypto import get_random_string

    from netra import rounds
    from netra.worker.runner import NetraWorker

    logging.getLogger("netra.worker").setLevel(logging.INFO)
    worker = NetraWorker(
        queue_names=["default"],
        interval=args.interval,
        batch=args.batch,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=get_random_string(32),
        excluded_queue_names=[],
        round_jobs=None if args.batch else rounds.jobs,
    )
    worker.configure_signals()
    if not args.batch:
        worker.start_background()
    worker.run()
    return 0


def cmd_demo(args):
    prepare_data_dir()
    setup_django()
    migrate_and_load()
    from netra.demo import AlreadyLoaded, load_demo

    try:
        report = load_demo(employees=args.employees)
    except AlreadyLoaded as refused:
        print(refused, file=sys.stderr)
        return 1
    for line in report:
        print(line)
    return 0


def cli_language(lang=None):
    """--lang, else the first of LANGUAGE (GNU's list, e.g. en_GB:en): English when it says
    so, Indonesian otherwise."""
    choice = lang or os.environ.get("LANGUAGE", "").split(":")[0]
    return "en" if choice.lower().startswith("en") else "id"


def cmd_backup(args):
    """`netra backup FILE`: the database and the stored files in one signed archive
    (netra/backups.py); the keys stay out, and it says where they are."""
    setup_django()
    from django.utils import translation

    from netra import backups

    with translation.override(cli_language(args.lang)):
        try:
            written = backups.create(args.file)
        except backups.BackupError as error:
            raise CliError(f"netra: {error}") from None
        for line in backups.backup_lines(written):
            print(line)
    return 0


def cmd_restore(args):
    """`netra restore FILE`: into an empty installation only, checked before anything is
    written; then the restored audit chain is verified."""
    data_dir().mkdir(mode=0o700, parents=True, exist_ok=True)
    setup_django()
    from django.utils import translation

    from netra import backups
    from netra.audit.log import AuditKeyError, verify

    with translation.override(cli_language(args.lang)):
        try:
            restored = backups.restore(args.file)
        except backups.BackupError as error:
            raise CliError(f"netra: {error}") from None
        for line in backups.restore_lines(restored):
            print(line)
        try:
            result = verify()
        except AuditKeyError as error:
            raise CliError(f"netra: {error}") from None
        if result.broken is not None:
            print(f"netra: {result.broken}", file=sys.stderr)
            return 1
        for line in backups.verified_lines(result.entries):
            print(line)
    return 0


#: `netra <app> <verb>`: thin aliases of the apps' management commands (module, needs Django set
#: up with a data directory). The pure ones (NLP over files) run without a database.
ALIASES = {
    ("roster", "import"): ("netra.people.management.commands.roster_import", True),
    ("audit", "verify"): ("netra.audit.management.commands.audit_verify", True),
    ("audit", "checkpoint"): ("netra.audit.management.commands.audit_checkpoint", True),
    ("cases", "overdue"): ("netra.cases.management.commands.cases_overdue", True),
    ("sanctions", "propose"): ("netra.sanctions.management.commands.sanctions_propose", True),
    ("monitor", "classify"): ("netra.monitoring.management.commands.monitor_classify", True),
    ("monitor", "train"): ("netra.monitoring.management.commands.monitor_train", False),
    ("monitor", "evaluate"): ("netra.monitoring.management.commands.monitor_evaluate", False),
    ("news", "extract"): ("netra.monitoring.management.commands.news_extract", False),
    ("insights", "refresh"): ("netra.insights.management.commands.insights_refresh", True),
    ("insights", "import-ikp"): ("netra.risk.management.commands.insights_import_ikp", True),
}
#: What `netra <app> --help` lists.
GROUPS = {
    "roster": ("employee roster", {"import": "import a CSV or XLSX roster"}),
    "audit": (
        "the tamper-evident audit log",
        {
            "verify": "walk the hash chain; exit 1 at a broken link",
            "checkpoint": "write the signed head of the chain outside the database",
        },
    ),
    "cases": ("case handling", {"overdue": "cases whose current step is past due"}),
    "sanctions": (
        "violation catalog and sanction rules",
        {"propose": "read one JSON request on stdin, print the lawful sanction proposal"},
    ),
    "monitor": (
        "partisanship of social-media posts",
        {
            "classify": "label posts from a JSONL file",
            "train": "rebuild the model from the corpus",
            "evaluate": "precision, recall, F1 per class",
        },
    ),
    "insights": (
        "statistics, the map and open data",
        {
            "refresh": "bring the summaries up to date (--full: rebuild them)",
            "import-ikp": "import Bawaslu's vulnerability index (IKP) for an election",
        },
    ),
    "news": (
        "news articles about prevention work",
        {"extract": "regions, activities, regulations and officials in articles (JSON)"},
    ),
}


def run_alias(group, verb, argv):
    """Run the management command behind `netra GROUP VERB` with ARGV; its exit code."""
    module, needs_django = ALIASES[group, verb]
    if needs_django or (group, verb) == ("monitor", "train") and "--include-decisions" in argv:
        prepare_data_dir()
        setup_django()
    from django.core.management.base import CommandError

    command = import_module(module).Command()
    command._called_from_command_line = True  # argparse errors: usage and exit 2
    parser = command.create_parser("netra", f"{group} {verb}")
    options = vars(parser.parse_args(argv))
    args = options.pop("args", ())
    try:
        command.execute(*args, **{**options, "skip_checks": True})
    except SystemExit as exit:
        return exit.code
    except CommandError as error:
        raise CliError(f"netra: {error}") from None
    return 0


def cmd_manage(args):
    prepare_data_dir()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netra.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["netra manage", *args.rest])


def build_parser():
    parser = argparse.ArgumentParser(prog="netra", description="Netra: netralitas ASN.")
    sub = parser.add_subparsers(dest="command", required=True)

    def server_args(p):
        p.add_argument("--host", default=os.environ.get("NETRA_HOST", DEFAULT_HOST))
        p.add_argument("--port", type=int, default=int(os.environ.get("NETRA_PORT", DEFAULT_PORT)))
        p.add_argument("--workers", type=int, default=int(os.environ.get("NETRA_WEB_WORKERS", 2)))

    up = sub.add_parser("up", help="prepare everything and serve (embedded default)")
    server_args(up)
    up.add_argument("--no-worker", action="store_true", help="do not start a background worker")
    up.set_defaults(func=cmd_up)

    serve_p = sub.add_parser("serve", help="serve the web application")
    server_args(serve_p)
    serve_p.set_defaults(func=cmd_serve)

    worker = sub.add_parser("worker", help="run background tasks")
    worker.add_argument("--interval", type=float, default=1.0)
    worker.add_argument("--batch", action="store_true", help="exit when the queue is empty")
    # The process that `netra worker` starts and restarts; not for operators.
    worker.add_argument("--supervised", action="store_true", help=argparse.SUPPRESS)
    worker.set_defaults(func=cmd_worker)

    demo = sub.add_parser("demo", help="load a fictional demo data set")
    demo.add_argument("--employees", type=int, default=10_000)
    demo.set_defaults(func=cmd_demo)

    backup = sub.add_parser("backup", help="write the database and files to one archive")
    backup.add_argument("file", help="the archive to write (a new file)")
    backup.add_argument("--lang", choices=("id", "en"), help="language of the messages")
    backup.set_defaults(func=cmd_backup)

    restore = sub.add_parser("restore", help="restore an archive into an empty installation")
    restore.add_argument("file", help="the archive written by `netra backup`")
    restore.add_argument("--lang", choices=("id", "en"), help="language of the messages")
    restore.set_defaults(func=cmd_restore)

    for group, (summary, verbs) in GROUPS.items():
        group_parser = sub.add_parser(group, help=summary)
        verbs_parser = group_parser.add_subparsers(dest=f"{group}_command", required=True)
        for verb, text in verbs.items():
            # Reached only for help: main() hands `netra GROUP VERB ...` to run_alias.
            verbs_parser.add_parser(verb, help=text, add_help=False)

    manage = sub.add_parser("manage", help="Django's manage.py", add_help=False)
    manage.add_argument("rest", nargs=argparse.REMAINDER)
    manage.set_defaults(func=cmd_manage)
    return parser


def main(argv=None):
    argv = sys.argv[1:] if argv is None else list(argv)
    # Whatever netra writes (database, keys, uploads, outbox) is the service account's alone.
    os.umask(0o077)
    if tuple(argv[:2]) in ALIASES:
        try:
            return run_alias(argv[0], argv[1], argv[2:]) or 0
        except CliError as exc:
            print(str(exc), file=sys.stderr)
            return 1
        except KeyboardInterrupt:
            return 130
    args = build_parser().parse_args(argv)
    if args.command in ("up", "serve", "worker") and os.environ.get("NETRA_ENV") == "production":
        # The settings refuse an insecure production setup, one line each (netra/deployment.py),
        # before a server or a worker supervisor starts.
        import netra.settings  # noqa: F401
    try:
        return args.func(args) or 0
    except CliError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())

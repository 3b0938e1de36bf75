"""The `netra` command: `up`, `serve`, `worker`, `demo`, `roster import` and `manage ...`."""

import argparse
import os
import secrets
import signal
import subprocess
import sys
import time
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
        raise CliError(f"netra: data directory {path} is not usable ({reason}); "
                       "set NETRA_DATA_DIR to a writable directory.") from None
    production = os.environ.get("NETRA_ENV") == "production"
    has_key = os.environ.get("NETRA_SECRET_KEY") or os.environ.get("NETRA_SECRET_KEY_FILE")
    key_file = path / "secret_key"
    if production and not has_key:
        raise CliError("netra: NETRA_SECRET_KEY or NETRA_SECRET_KEY_FILE must be set "
                       "when NETRA_ENV=production.")
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
    print(f"Data referensi: {counts['provinces']} provinsi, {counts['regencies']} kabupaten/kota, "
          f"{counts['districts']} kecamatan, {counts['elections']} pemilihan, "
          f"{counts['holidays']} hari libur.")
    from netra.accounts.actions import ensure_first_admin

    created = ensure_first_admin()
    if created:
        username, password = created
        print("Akun administrator pertama dibuat / first administrator created:")
        print(f"  username: {username}")
        print(f"  password: {password}   (sekali pakai: wajib diganti saat masuk pertama)")
    worker = None
    if not args.no_worker:
        worker = subprocess.Popen([sys.executable, "-m", "netra.cli", "worker"])
    try:
        serve(args.host, args.port, args.workers)
    finally:
        if worker is not None:
            worker.send_signal(signal.SIGTERM)
            worker.wait(timeout=15)


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

    command = [sys.executable, "-m", "netra.cli", "worker", "--supervised",
               "--interval", str(args.interval)]
    supervisor = Supervisor(command, name="worker")
    signal.signal(signal.SIGTERM, supervisor.stop)
    signal.signal(signal.SIGINT, supervisor.stop)
    supervisor.run()
    return 0


def _run_worker(args):
    prepare_data_dir()
    setup_django()
    import logging

    from django.utils.crypto import get_random_string

    from netra import rounds
    from netra.worker.runner import NetraWorker

    logging.getLogger("netra.worker").setLevel(logging.INFO)
    worker = NetraWorker(queue_names=["default"], interval=args.interval, batch=args.batch,
                         backend_name="default", startup_delay=False, max_tasks=None,
                         worker_id=get_random_string(32), excluded_queue_names=[],
                         round_jobs=None if args.batch else rounds.jobs)
    worker.configure_signals()
    if not args.batch:
        worker.start_background()
    worker.run()
    return 0


def cmd_demo(args):
    prepare_data_dir()
    setup_django()
    migrate_and_load()
    from netra.demo import load_demo

    report = load_demo(employees=args.employees)
    for line in report:
        print(line)


def cmd_roster_import(args):
    prepare_data_dir()
    setup_django()
    from netra.people.importer import RosterFileError
    from netra.people.actions import import_roster_file
    from netra.regions.models import Region

    region = Region.objects.filter(code=args.region).first()
    if region is None:
        raise CliError(f"netra: kode wilayah {args.region!r} tidak dikenal.")
    progress = _progress_printer() if sys.stderr.isatty() or args.progress else None
    try:
        result = import_roster_file(
            Path(args.file), region=region, actor=None,
            skip_invalid=args.skip_invalid, progress=progress,
        )
    except RosterFileError as exc:
        raise CliError(f"netra: {exc.message}") from None
    if progress:
        sys.stderr.write("\n")
    print(result.summary())
    if result.errors:
        report = Path(args.errors or f"{Path(args.file).stem}-kesalahan.csv")
        result.write_error_report(report)
        print(f"Rincian kesalahan: {report}")
    return 0 if result.imported or not result.errors else 2


def cmd_audit_verify(args):
    prepare_data_dir()
    setup_django()
    from django.utils import timezone

    from netra.audit.log import AuditKeyError, verify

    started = time.perf_counter()
    try:
        result = verify()
    except AuditKeyError as exc:
        raise CliError(f"netra: kunci audit tidak dapat dipakai / audit key unusable: {exc}") \
            from None
    seconds = time.perf_counter() - started
    if result.broken is not None:
        print(f"netra: {result.broken}", file=sys.stderr)
        return 1
    print(f"Jejak audit utuh: {result.entries} entri diperiksa dalam {seconds:.1f} s.")
    checkpoint = result.checkpoint
    if checkpoint is None:
        print("Belum ada titik periksa di luar basis data; jalankan `netra audit checkpoint`. / "
              "No checkpoint outside the database yet; run `netra audit checkpoint`.")
    else:
        written = f"{timezone.localtime(checkpoint.written_at):%Y-%m-%d %H:%M}"
        print(f"Cocok dengan titik periksa terbaru ({written}, entri #{checkpoint.entry_id}). / "
              f"Matches the newest checkpoint ({written}, entry #{checkpoint.entry_id}).")
    return 0


def cmd_audit_checkpoint(args):
    prepare_data_dir()
    setup_django()
    from django.utils import timezone

    from netra.audit.log import AuditKeyError, ChainBroken, checkpoint_dir, write_checkpoint
    from netra.audit.models import AuditEntry

    started = timezone.now()
    try:
        checkpoint = write_checkpoint()
    except AuditKeyError as exc:
        raise CliError(f"netra: kunci audit tidak dapat dipakai / audit key unusable: {exc}") \
            from None
    except ChainBroken as exc:
        print(f"netra: titik periksa tidak ditulis / no checkpoint written: {exc}",
              file=sys.stderr)
        return 1
    if checkpoint is None:
        if not AuditEntry.objects.exists():
            print("Jejak audit masih kosong: tidak ada yang perlu dicatat. / "
                  "The audit log is empty: nothing to checkpoint.")
            return 0
        print("netra: proses lain sedang menulis titik periksa; coba lagi. / another process is "
              "writing a checkpoint; try again.", file=sys.stderr)
        return 1
    where = checkpoint_dir() / checkpoint.name
    done = ("ditulis", "written") if checkpoint.written_at >= started else (
        "sudah ada untuk kepala ini", "already there for this head")
    print(f"Titik periksa {done[0]}: entri #{checkpoint.entry_id} (nomor urut {checkpoint.seq}), "
          f"{where}. / Checkpoint {done[1]}: entry #{checkpoint.entry_id} "
          f"(sequence {checkpoint.seq}), {where}.")
    return 0


def cmd_cases_overdue(args):
    prepare_data_dir()
    setup_django()
    import json

    from django.utils import timezone

    from netra.cases.models import Case
    from netra.regions.models import Region

    cases = Case.objects.filter(due_at__lt=timezone.now()).select_related("region", "election")
    if args.region:
        region = Region.objects.filter(code=args.region).first()
        if region is None:
            raise CliError(f"netra: kode wilayah {args.region!r} tidak dikenal.")
        cases = cases.filter(region.within_q())
    rows = [{"id": c.pk, "number": c.number, "state": c.state, "region_code": c.region.code,
             "election": c.election.code, "due_at": c.due_at.isoformat()}
            for c in cases.order_by("due_at")]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            print(f"{row['due_at']}  {row['region_code']:<8} {row['state']:<16} "
                  f"{row['number'] or '#' + str(row['id'])}")
    return 0


def cmd_sanctions_propose(args):
    """One JSON object on stdin, one on stdout; bad input: exit 2 and one line on stderr."""
    import json

    raw = sys.stdin.read()
    try:
        payload = json.loads(raw)
    except ValueError as error:
        print(f"netra: input is not JSON: {error}", file=sys.stderr)
        return 2
    prepare_data_dir()
    setup_django()
    from netra.sanctions import rules
    from netra.sanctions.catalog import active_catalog, determination_dates

    try:
        proposal = rules.propose(active_catalog(),
                                 **rules.parse_request(payload, determination_dates()))
    except rules.ProposalError as error:
        print(f"netra: {error.detail}", file=sys.stderr)
        return 2
    print(json.dumps(proposal.as_dict(), ensure_ascii=False))
    return 0


def cmd_news_extract(args):
    """Prevention activity from plain-text articles (first line the title): a JSON array."""
    import json
    from datetime import date

    from netra.monitoring.nlp.news import extract

    published = None
    if args.published:
        try:
            published = date.fromisoformat(args.published)
        except ValueError:
            print(f"netra: --published must be YYYY-MM-DD, got {args.published!r}",
                  file=sys.stderr)
            return 2
    results = []
    for name in args.files:
        try:
            text = Path(name).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeError) as error:
            print(f"netra: cannot read {name}: {error}", file=sys.stderr)
            return 2
        results.append({"file": name, **extract(text, published)})
    print(json.dumps(results, ensure_ascii=False, indent=1))
    return 0


def cmd_monitor_train(args):
    """Rebuild the partisanship model from the corpus (reproducible: same corpus, same model)."""
    import json

    from netra.monitoring.nlp import train
    from netra.monitoring.nlp.classify import DATA, MODEL_FILE

    posts = train.read_posts(args.corpus or DATA / "corpus.jsonl")
    training = [post for post in posts if not train.held_out(post)]
    if args.include_decisions:
        prepare_data_dir()
        setup_django()
        from netra.monitoring.models import Flag

        decided = Flag.objects.exclude(training_label="").select_related("text")
        training += [{"id": f"flag-{f.pk}", "text": f.text.text, "label": f.training_label}
                     for f in decided]
    model = train.train(training, version=f"trained on {len(training)} posts")
    output = Path(args.output) if args.output else MODEL_FILE
    output.write_text(json.dumps(model.to_json(), sort_keys=True), encoding="utf-8")
    held = sum(1 for post in posts if train.held_out(post))
    print(f"Model dilatih dengan {len(training)} unggahan; {held} disisihkan untuk pengujian. "
          f"Ditulis ke {output}.")
    return 0


def cmd_monitor_evaluate(args):
    """Precision, recall and F1 per class: held-out split, and the separately written set."""
    from netra.monitoring.nlp import train
    from netra.monitoring.nlp.classify import DATA, LABELS, shipped_model

    model = shipped_model()
    posts = train.read_posts(DATA / "corpus.jsonl")
    sets = [("held-out split of corpus.jsonl", [p for p in posts if train.held_out(p)]),
            ("corpus-separate.jsonl (written separately)",
             train.read_posts(DATA / "corpus-separate.jsonl")),
            ("corpus-handwritten.jsonl (written one by one, no patterns)",
             train.read_posts(DATA / "corpus-handwritten.jsonl"))]
    for title, chosen in sets:
        report = train.evaluate(model, chosen)
        print(f"\n{title}: {len(chosen)} posts, accuracy {report['accuracy']:.3f}")
        print(f"{'label':22s} {'precision':>9s} {'recall':>7s} {'f1':>6s} {'support':>8s}")
        for label in LABELS:
            row = report[label]
            print(f"{label:22s} {row['precision']:9.3f} {row['recall']:7.3f} {row['f1']:6.3f} "
                  f"{row['support']:8d}")
    return 0


def cmd_monitor_classify(args):
    """One JSON line per input line {"id", "text"[, "published"]}; bad input exits 2."""
    import json
    from datetime import date

    from netra.monitoring.nlp.classify import classify, gazetteer_for

    determination = None
    gazetteer = None
    if args.election:
        try:
            gazetteer, determination = gazetteer_for(args.election)
        except KeyError:
            print(f"netra: unknown election {args.election!r}", file=sys.stderr)
            return 2
    try:
        source = open(args.file, encoding="utf-8-sig")
    except OSError as error:
        print(f"netra: cannot read {args.file}: {error}", file=sys.stderr)
        return 2
    with source:
        for number, line in enumerate(source, start=1):
            if not line.strip():
                continue
            try:
                post = json.loads(line)
                post_id, text = post["id"], post["text"]
                if not isinstance(text, str):
                    raise TypeError
                published = date.fromisoformat(post["published"]) if post.get("published") \
                    else None
            except (ValueError, KeyError, TypeError):
                print(f"netra: line {number} is not {{\"id\", \"text\"}} JSON", file=sys.stderr)
                return 2
            before = bool(determination and published and published < determination)
            result = classify(text, gazetteer=gazetteer, before_determination=before)
            print(json.dumps(result.as_dict(post_id), ensure_ascii=False))
    return 0


def _progress_printer():
    def show(done, total):
        width = 30
        filled = int(width * done / total) if total else width
        pct = 100 * done / total if total else 100
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {pct:5.1f}% {done:,} baris")
        sys.stderr.flush()

    return show


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

    roster = sub.add_parser("roster", help="employee roster")
    roster_sub = roster.add_subparsers(dest="roster_command", required=True)
    imp = roster_sub.add_parser("import", help="import a CSV or XLSX roster")
    imp.add_argument("file")
    imp.add_argument("--region", required=True, help="Kemendagri code, e.g. 35.09")
    imp.add_argument("--skip-invalid", action="store_true", help="import the valid rows only")
    imp.add_argument("--errors", help="where to write the error report (CSV)")
    imp.add_argument("--progress", action="store_true", help="show progress even when piped")
    imp.set_defaults(func=cmd_roster_import)

    audit = sub.add_parser("audit", help="the tamper-evident audit log")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    verify = audit_sub.add_parser("verify", help="walk the hash chain; exit 1 at a broken link")
    verify.set_defaults(func=cmd_audit_verify)
    checkpoint = audit_sub.add_parser(
        "checkpoint", help="write the signed head of the chain outside the database")
    checkpoint.set_defaults(func=cmd_audit_checkpoint)

    cases = sub.add_parser("cases", help="case handling")
    cases_sub = cases.add_subparsers(dest="cases_command", required=True)
    overdue = cases_sub.add_parser("overdue", help="cases whose current step is past due")
    overdue.add_argument("--json", action="store_true", help="machine-readable output")
    overdue.add_argument("--region", help="only this region and what lies inside it")
    overdue.set_defaults(func=cmd_cases_overdue)

    sanctions = sub.add_parser("sanctions", help="violation catalog and sanction rules")
    sanctions_sub = sanctions.add_subparsers(dest="sanctions_command", required=True)
    propose = sanctions_sub.add_parser(
        "propose", help="read one JSON request on stdin, print the lawful sanction proposal")
    propose.set_defaults(func=cmd_sanctions_propose)

    monitor = sub.add_parser("monitor", help="partisanship of social-media posts")
    monitor_sub = monitor.add_subparsers(dest="monitor_command", required=True)
    classify_p = monitor_sub.add_parser("classify", help="label posts from a JSONL file")
    classify_p.add_argument("file", metavar="FILE.jsonl")
    classify_p.add_argument("--election", help="use this election's gazetteer and dates")
    classify_p.set_defaults(func=cmd_monitor_classify)
    train_p = monitor_sub.add_parser("train", help="rebuild the model from the corpus")
    train_p.add_argument("--corpus", help="labeled JSONL (default: the shipped corpus)")
    train_p.add_argument("--output", help="where to write the model (default: shipped)")
    train_p.add_argument("--include-decisions", action="store_true",
                         help="add the posts supervisors labeled in triage")
    train_p.set_defaults(func=cmd_monitor_train)
    evaluate_p = monitor_sub.add_parser("evaluate", help="precision, recall, F1 per class")
    evaluate_p.set_defaults(func=cmd_monitor_evaluate)

    news = sub.add_parser("news", help="news articles about prevention work")
    news_sub = news.add_subparsers(dest="news_command", required=True)
    news_extract = news_sub.add_parser(
        "extract", help="regions, activities, regulations and officials in articles (JSON)")
    news_extract.add_argument("files", nargs="+", metavar="FILE")
    news_extract.add_argument("--published", help="publication date, YYYY-MM-DD, for "
                              "relative dates such as 'Senin pekan depan'")
    news_extract.set_defaults(func=cmd_news_extract)

    manage = sub.add_parser("manage", help="Django's manage.py", add_help=False)
    manage.add_argument("rest", nargs=argparse.REMAINDER)
    manage.set_defaults(func=cmd_manage)
    return parser


def main(argv=None):
    args = build_parser().parse_args(argv)
    # Whatever netra writes (database, keys, uploads, outbox) is the service account's alone.
    os.umask(0o077)
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

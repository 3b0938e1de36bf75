"""The import graph of src/netra: cycles, function-local imports and back-edges against the layers.

Reads the source with the standard library's `ast` (nothing is imported, Django is not needed),
so it runs on any checkout:

    python tools/import_graph.py            # the figures
    python tools/import_graph.py --list     # and every function-local import, file:line

An edge is one `import` statement of a netra module. It is module-level when it runs on import
(top of the module, a class body, an `if` or `try` at the top), function-local when it sits in a
function. `from netra.x import y` points at netra.x.y when that is a module, else at netra.x.
Cycles are the strongly connected groups of the graph, counted between modules and between apps
(netra.<app>, or the top-level module itself), once over module-level imports only and once with
the function-local ones too. The layers are those of issue 12 (see LAYERS below); a back-edge is
an import from a lower layer into a higher one.
"""

import argparse
import ast
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "src"
PACKAGE = "netra"

# Highest first, as in pyproject.toml's [tool.importlinter]. An app not named here is reported
# as unlayered.
LAYERS = [
    (
        "shell",
        {
            "netra",
            "urls",
            "api",
            "cli",
            "rounds",
            "wsgi",
            "settings",
            "deployment",
            "demo",
            "demo_cases",
        },
    ),
    ("domain", {"reports", "cases", "sanctions", "prevention", "monitoring", "insights", "web"}),
    # worker imports no other netra module and people.tasks registers with it (pyproject.toml).
    ("base", {"accounts", "audit", "regions", "people", "worker", "common"}),
    ("lib", {"lib"}),
]
LAYER_OF = {app: rank for rank, (_, apps) in enumerate(LAYERS) for app in apps}


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def app_of(module):
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


class Imports(ast.NodeVisitor):
    """Every import statement of one module, with its line and whether it is function-local."""

    def __init__(self, module, is_package, modules):
        self.module, self.is_package, self.modules = module, is_package, modules
        self.depth = 0
        self.found = []  # (target, line, local)
        self.local_any = 0  # function-local import statements of any module

    def visit_FunctionDef(self, node):
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_AsyncFunctionDef = visit_FunctionDef
    visit_Lambda = visit_FunctionDef

    def add(self, target, node):
        if target == PACKAGE or target.startswith(PACKAGE + "."):
            self.found.append((self.resolve(target), node.lineno, self.depth > 0))

    def resolve(self, name):
        # The longest prefix that is a module of the package.
        while name not in self.modules and "." in name:
            name = name.rsplit(".", 1)[0]
        return name

    def visit_Import(self, node):
        self.local_any += self.depth > 0
        for alias in node.names:
            self.add(alias.name, node)

    def visit_ImportFrom(self, node):
        self.local_any += self.depth > 0
        if node.level:
            package = self.module.split(".")
            if not self.is_package:
                package.pop()
            package = package[: len(package) - (node.level - 1)]
            base = ".".join(package + ([node.module] if node.module else []))
        else:
            base = node.module or ""
        targets = {
            f"{base}.{alias.name}" if f"{base}.{alias.name}" in self.modules else base
            for alias in node.names
        }
        for target in sorted(targets):
            self.add(target, node)


def read_graph():
    files = {module_name(path): path for path in sorted((ROOT / PACKAGE).rglob("*.py"))}
    edges = []  # (source, target, line, local)
    local_any = 0
    for module, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        visitor = Imports(module, path.name == "__init__.py", files)
        visitor.visit(tree)
        edges += [
            (module, target, line, local)
            for target, line, local in visitor.found
            if target != module
        ]
        local_any += visitor.local_any
    return files, edges, local_any


def strongly_connected(nodes, edges):
    """Tarjan's algorithm, iterative; the groups of more than one node, each sorted."""
    graph = defaultdict(set)
    for source, target in edges:
        if source != target:
            graph[source].add(target)
    index, low, on_stack, stack, groups = {}, {}, set(), [], []
    counter = 0
    for start in sorted(nodes):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))
    return sorted(groups, key=lambda g: (-len(g), g))


def short(module):
    return module.removeprefix(PACKAGE + ".") or PACKAGE


def where(files, module, line):
    return f"{files[module].relative_to(ROOT / PACKAGE)}:{line}"


def print_cycles(title, nodes, pairs, name=short, examples=None):
    """examples: {(source, target): "file:line"}, to list the edges inside each group."""
    groups = strongly_connected(nodes, pairs)
    members = sum(len(g) for g in groups)
    print(f"  {title}: {len(groups)} cycle group(s), {members} members")
    for group in groups:
        print(f"    - {', '.join(name(m) for m in group)}")
        if examples:
            inside = sorted(
                pair
                for pair in pairs
                if pair[0] in group and pair[1] in group and pair[0] != pair[1]
            )
            for source, target in inside:
                print(
                    f"        {name(source)} -> {name(target)}  (e.g. {examples[source, target]})"
                )
    return len(groups), members


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="list every function-local import")
    args = parser.parse_args(argv)
    files, edges, local_any = read_graph()
    top = {(s, t) for s, t, _, local in edges if not local}
    every = {(s, t) for s, t, _, _ in edges}
    print(
        f"Import graph of src/{PACKAGE}: {len(files)} modules, {len(edges)} import statements "
        f"of {PACKAGE} modules"
    )

    print("\nCycles between modules")
    print_cycles("module-level imports only", files, top)
    print_cycles("with function-local imports too", files, every)

    apps = {app_of(m) for m in files}
    examples = {}, {}
    for source, target, line, local in sorted(edges, key=lambda e: (e[3], e[0], e[2])):
        for table, wanted in zip(examples, (not local, True), strict=True):
            if wanted:
                table.setdefault((app_of(source), app_of(target)), where(files, source, line))
    print("\nCycles between apps" + ("" if args.list else " (--list names the edges)"))
    print_cycles(
        "module-level imports only",
        apps,
        {(app_of(s), app_of(t)) for s, t in top},
        examples=args.list and examples[0],
    )
    print_cycles(
        "with function-local imports too",
        apps,
        {(app_of(s), app_of(t)) for s, t in every},
        examples=args.list and examples[1],
    )

    local = [(s, t, line) for s, t, line, is_local in edges if is_local]
    print(
        f"\nFunction-local imports of {PACKAGE} modules: {len(local)} "
        f"(in {len({s for s, _, _ in local})} modules)"
    )
    print(f"  (function-local import statements of any module, Django and stdlib too: {local_any})")
    per_app = Counter(app_of(s) for s, _, _ in local)
    print("  per app: " + ", ".join(f"{app} {n}" for app, n in per_app.most_common()))
    if args.list:
        for source, target, line in sorted(local):
            print(f"    {where(files, source, line):40s} -> {short(target)}")

    unlayered = sorted(app for app in apps if app not in LAYER_OF)
    back = sorted(
        (s, t, line, is_local)
        for s, t, line, is_local in edges
        if app_of(s) in LAYER_OF
        and app_of(t) in LAYER_OF
        and LAYER_OF[app_of(t)] < LAYER_OF[app_of(s)]
    )
    print(
        f"\nBack-edges against the layers ({' > '.join(name for name, _ in LAYERS)}): "
        f"{len(back)} ({sum(1 for b in back if not b[3])} module-level, "
        f"{sum(1 for b in back if b[3])} function-local)"
    )
    for name, layer in LAYERS:
        print(f"  {name}: {', '.join(sorted(layer))}")
    for source, target, line, is_local in back:
        kind = "function-local" if is_local else "module-level"
        print(f"    {where(files, source, line):40s} -> {short(target):28s} {kind}")
    if unlayered:
        print(f"  not in any layer: {', '.join(unlayered)}")

    domain = LAYERS[1][1]
    across = Counter(
        (app_of(s), app_of(t))
        for s, t, _, _ in edges
        if app_of(s) in domain and app_of(t) in domain and app_of(s) != app_of(t)
    )
    print(
        "\nImports between domain apps (statements, module-level and local): "
        f"{sum(across.values())}"
    )
    for (source, target), n in sorted(across.items()):
        print(f"    {source} -> {target}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

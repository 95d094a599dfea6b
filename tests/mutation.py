"""Mutation testing of the importers: would the tests notice if the code were subtly wrong?

`make mutation` (or `python -m tests.mutation`) makes small wrong versions ("mutants") of each
importer module and runs that module's tests against each. A mutant the tests fail on is
killed; one they pass is a surviving mutant, a place where the code could be wrong unseen.
It prints killed/total per module, the survivors, and exits 1 when any module kills under
`THRESHOLD` of its mutants. `MUTATION_MODULES=fit,gpx` narrows the run.

The mutants, made from the module's syntax tree (`ast`), one change each:
  - a comparison flipped: < <= > >= == != to its boundary twin and its opposite
    (< to <= and >=), `is`/`is not`, `in`/`not in`;
  - a number off by one: n to n + 1 and n - 1 (True/False are not numbers here);
  - `and` swapped for `or` and back;
  - `return <value>` made `return None`;
  - an `if` branch's body dropped (replaced with `pass`).

Why in-process: a pytest run per mutant would start Python, Django and pytest some 1,500
times (about 2 s each). Instead one pytest session per module (`-p tests.mutation`, see
`pytest_runtestloop`) collects the tests once, runs them unmutated (they must pass, and their
times order them fastest first), then for each mutant executes the mutated source and swaps
the compiled code into the live module's functions (`function.__code__`), so that references
other modules and the tests already hold (`from .fit import parse_fit`) run the mutant too;
module-level values are swapped in its namespace. Everything is put back after each mutant.
A mutant is killed by the first failing test (the test that killed the previous mutant runs
first), or by running over its time limit (a mutated loop that never ends).

`EQUIVALENT` lists mutants that cannot be killed because they do not change what the code
does, each with the reason; they are counted apart, not as killed, and an entry that matches no
mutant any more fails the run. `SLOW_TESTS` are left out of mutation runs (the 50,000-point
GPX file: 3 s a run, and nothing the other tests leave open).
"""

from __future__ import annotations

import ast
import builtins
import contextlib
import importlib
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
THRESHOLD = 85.0

# Module -> the tests that specify it. track.py is exercised through GPX and TCX too.
MODULES = {
    "fit": ["tests/test_importers_fit.py"],
    "gpx": ["tests/test_importers_gpx.py"],
    "tcx": ["tests/test_importers_tcx.py"],
    "strava": ["tests/test_importers_strava.py"],
    "track": [
        "tests/test_importers_track.py",
        "tests/test_importers_gpx.py",
        "tests/test_importers_tcx.py",
    ],
}
# Tests left out of mutation runs: slow, and specifying nothing the others leave open.
SLOW_TESTS = ("test_fifty_thousand_points_import_whole",)

# (module, function, source of the node mutated, change) -> why no test can tell the mutant
# from the original. Only true equivalents belong here.
_ZERO_LEFT_OUT = "`x and x > 0`: `x and` has already left a zero out, so > and >= agree"
_SAME_VALUE = "when the two are equal, either branch keeps the same value"
_OVERWRITTEN = "a starting value that the first point (or altitude) overwrites before it is read"
_SIGN_ONLY = "only the sign of `_trend` is ever read (> 0, < 0), and 1 and 2 are both positive"
_FLAT_START = (
    "while `_trend` is 0, `_ext` and `_base` are both the first altitude: adds 0 either way"
)
_NEVER_READ = "`before` of a point without a time is never read; every other one is written first"
_STOPS_BELOW_0 = "the walk back stops at any index below 0 (`while i >= 0`)"
_SQUARED = "sin(-x) = -sin(x), and only its square (a * a, b * b) is used"
_DT_NOT_NEGATIVE = (
    "dt is never negative (a time that goes back is dropped first), and dt == 0 adds 0 s"
)
_DIGITS = "hours, minutes and seconds are read from digits: never below 0"
_AWARE = "a date with a zone is read from `aware`; its hour, minute and second are not read"
_EVEN_START = "both counts start from the same value; only their difference decides"
EQUIVALENT: dict[tuple[str, str, str, str], str] = {
    ("tcx", "lap_totals", "if seconds and «seconds > 0»:", "> to >="): _ZERO_LEFT_OUT,
    ("tcx", "lap_totals", "if metres and «metres > 0»:", "> to >="): _ZERO_LEFT_OUT,
    (
        "tcx",
        "lap_totals",
        "totals.end = end if totals.end is None or «end > totals.end» else totals.end",
        "> to >=",
    ): _SAME_VALUE,
    ("track", "Track.__init__", "self._lam = «0.0»", "0.0 to -1.0"): _OVERWRITTEN,
    ("track", "Track.__init__", "self._lam = «0.0»", "0.0 to 1.0"): _OVERWRITTEN,
    ("track", "Track.__init__", "self._cos_phi = «0.0»", "0.0 to -1.0"): _OVERWRITTEN,
    ("track", "Track.__init__", "self._cos_phi = «0.0»", "0.0 to 1.0"): _OVERWRITTEN,
    (
        "track",
        "Track.__init__",
        "self._base = self._ext = self._lo = self._hi = «0.0»",
        "0.0 to -1.0",
    ): _OVERWRITTEN,
    (
        "track",
        "Track.__init__",
        "self._base = self._ext = self._lo = self._hi = «0.0»",
        "0.0 to 1.0",
    ): _OVERWRITTEN,
    (
        "track",
        "Track.__init__",
        "self._ele_raw = «0.0» # the last altitude as the file wrote it",
        "0.0 to -1.0",
    ): _OVERWRITTEN,
    (
        "track",
        "Track.__init__",
        "self._ele_raw = «0.0» # the last altitude as the file wrote it",
        "0.0 to 1.0",
    ): _OVERWRITTEN,
    ("track", "Track.add", "a = sin((phi - self._phi) * «0.5»)", "0.5 to -0.5"): _SQUARED,
    ("track", "Track.add", "b = sin((lam - self._lam) * «0.5»)", "0.5 to -0.5"): _SQUARED,
    ("track", "Track.add", "step = _TWO_R * asin(sqrt(h if h < «1.0» else 1.0))", "1.0 to 2.0"): (
        "h exceeds 1 only by rounding (by at most 1 ulp in 1.5 million random antipodal "
        "pairs), and sqrt(1 + 1 ulp) is 1.0: the clamp's threshold could be anything above 1"
    ),
    ("track", "Track.add", "step = _TWO_R * asin(sqrt(h if «h < 1.0» else 1.0))", "< to <="): (
        "at h == 1.0 both give sqrt(1.0)"
    ),
    ("track", "Track.add", "if «dist > self.device_distance_m»:", "> to >="): _SAME_VALUE,
    ("track", "Track.add", "if dt > «0» and step >= MOVING_SPEED_MPS * dt:", "0 to -1"): (
        _DT_NOT_NEGATIVE
    ),
    ("track", "Track.add", "if «dt > 0» and step >= MOVING_SPEED_MPS * dt:", "> to >="): (
        _DT_NOT_NEGATIVE
    ),
    ("track", "Track.add", "if self.last_time is None or «t > self.last_time»:", "> to >="): (
        _SAME_VALUE
    ),
    ("track", "Track._hysteresis", "self._elevations += «1»", "1 to 2"): (
        "the count is only compared with 0 and 2, and is 2 or more after the second either way"
    ),
    ("track", "Track._hysteresis", "if «e > self._ext»:", "> to >="): _SAME_VALUE,
    ("track", "Track._hysteresis", "if «e < self._ext»:", "< to <="): _SAME_VALUE,
    ("track", "Track._hysteresis", "if «e < self._lo»:", "< to <="): _SAME_VALUE,
    ("track", "Track._hysteresis", "elif «e > self._hi»:", "> to >="): _SAME_VALUE,
    ("track", "Track._hysteresis", "self._trend = -«1»", "1 to 2"): _SIGN_ONLY,
    ("track", "Track._hysteresis", "self._trend = «1»", "1 to 2"): _SIGN_ONLY,
    (
        "track",
        "Track._hysteresis",
        "self._base, self._ext, self._trend = self._lo, e, «1»",
        "1 to 2",
    ): _SIGN_ONLY,
    (
        "track",
        "Track._hysteresis",
        "self._base, self._ext, self._trend = self._hi, e, -«1»",
        "1 to 2",
    ): _SIGN_ONLY,
    ("track", "Track.elevation", "if self._trend > «0»:", "0 to -1"): _FLAT_START,
    ("track", "Track.elevation", "if «self._trend > 0»:", "> to >="): _FLAT_START,
    ("track", "Track.elevation", "elif self._trend < «0»:", "0 to 1"): _FLAT_START,
    ("track", "Track.elevation", "elif «self._trend < 0»:", "< to <="): _FLAT_START,
    (
        "track",
        "Track.elapsed_s",
        "if «self.first_time is None or self.last_time is None»:",
        "or to and",
    ): "the first and last times are set together, by the first point with a time",
    ("track", "in_time_order", "before = [-«1»] * len(times)", "1 to 0"): _NEVER_READ,
    ("track", "in_time_order", "before = [-«1»] * len(times)", "1 to 2"): _NEVER_READ,
    ("track", "in_time_order", "before[i] = ends[k - 1] if k else -«1»", "1 to 2"): (
        _STOPS_BELOW_0
    ),
    ("strava", "parse_number", 'if «"," in text and "." in text»:', "and to or"): (
        "with only one of the two marks, both branches read the same number"
    ),
    ("strava", "parse_number", 'if «text.rfind(",") > text.rfind(".")»:', "> to >="): (
        "both marks are in the text, so their positions are never equal"
    ),
    (
        "strava",
        "_split_date",
        "if not («0» <= hour < 24 and 0 <= minute < 60 and 0 <= second < 61):",
        "0 to -1",
    ): _DIGITS,
    (
        "strava",
        "_split_date",
        "if not (0 <= hour < 24 and «0» <= minute < 60 and 0 <= second < 61):",
        "0 to -1",
    ): _DIGITS,
    (
        "strava",
        "_split_date",
        "if not (0 <= hour < 24 and 0 <= minute < 60 and «0» <= second < 61):",
        "0 to -1",
    ): _DIGITS,
    **{
        ("strava", "_iso_parts", source, change): _AWARE
        for source in (
            'return _DateParts([], None, «0», 0, 0, "", aware=iso.astimezone(UTC))',
            'return _DateParts([], None, 0, «0», 0, "", aware=iso.astimezone(UTC))',
            'return _DateParts([], None, 0, 0, «0», "", aware=iso.astimezone(UTC))',
        )
        for change in ("0 to -1", "0 to 1")
    },
    ("strava", "month_of", "if not word.isalpha() or len(word) < «3»:", "3 to 2"): (
        "every month prefix has 3 letters or more: a 2-letter word never starts with one"
    ),
    (
        "strava",
        "_resolve_date",
        "day = next((n for n in numbers if n <= «31»), None)",
        "31 to 32",
    ): ("a day of 32 is refused by datetime() just after, as no day is"),
    ("strava", "_day_first", "votes_day = votes_month = «0»", "0 to -1"): _EVEN_START,
    ("strava", "_day_first", "votes_day = votes_month = «0»", "0 to 1"): _EVEN_START,
    ("strava", "read_csv", 'first_line = text.split("\\n", «1»)[0]', "1 to 2"): (
        "the first line is the text before the first newline, however many splits follow"
    ),
    (
        "strava",
        "_iter_rows",
        "result.activities[«0»].warnings.append(offset_warning)",
        "0 to -1",
    ): "a row without a file gives exactly one activity",
    ("fit", "file_body", "if «len(data) > expected» and not is_fit(data[expected:]):", "> to >="): (
        "when the lengths are equal, data[:expected] is all of data"
    ),
    ("fit", "_problem", 'detail = str(errors[«0»]) if errors else "CRC Error"', "0 to -1"): (
        "the SDK stops reading at its first error, so `errors` holds one at most"
    ),
    **{
        (
            "fit",
            "_plausible",
            'return (_number(session.get("total_distance")) or «0») >= MIN_DAMAGED_DISTANCE_M '
            "and (",
            change,
        ): "no distance counts as 0, 1 or -1 m: under 100 m all the same"
        for change in ("0 to -1", "0 to 1")
    },
}

_FLIPS = {
    ast.Lt: (ast.LtE, ast.GtE),
    ast.LtE: (ast.Lt, ast.Gt),
    ast.Gt: (ast.GtE, ast.LtE),
    ast.GtE: (ast.Gt, ast.Lt),
    ast.Eq: (ast.NotEq,),
    ast.NotEq: (ast.Eq,),
    ast.Is: (ast.IsNot,),
    ast.IsNot: (ast.Is,),
    ast.In: (ast.NotIn,),
    ast.NotIn: (ast.In,),
}
_SYMBOLS = {
    ast.Lt: "<",
    ast.LtE: "<=",
    ast.Gt: ">",
    ast.GtE: ">=",
    ast.Eq: "==",
    ast.NotEq: "!=",
    ast.Is: "is",
    ast.IsNot: "is not",
    ast.In: "in",
    ast.NotIn: "not in",
    ast.And: "and",
    ast.Or: "or",
}


# ---------------------------------------------------------------------------------------------
# Mutants


@dataclass
class Mutant:
    line: int
    function: str  # the qualified name of the function it is in, or "<module>"
    source: str  # the source of the node changed
    change: str  # "< to <=", "0.5 to 1.5", "and to or", "return None", "if body dropped"
    # Filled in by the run:
    status: str = ""  # "killed", "survived", "timeout", "equivalent"
    killed_by: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.function, self.source, self.change)


def _mutation_points(tree: ast.Module, text: str):
    """(Mutant, apply, undo) for every mutation of the module, in source order."""
    points = []

    def visit(node, scope: str):
        for child in ast.iter_child_nodes(node):
            inner = scope
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                inner = child.name if scope == "<module>" else f"{scope}.{child.name}"
            if _skipped(child):
                continue
            points.extend(_mutations_of(child, inner, text))
            visit(child, inner)

    visit(tree, "<module>")
    points.sort(key=lambda p: (p[0].line, p[0].change))
    return points


def _skipped(node) -> bool:
    # __slots__ and docstrings: nothing to mutate that changes behaviour.
    if isinstance(node, ast.Assign) and any(
        isinstance(t, ast.Name) and t.id in ("__slots__", "__all__") for t in node.targets
    ):
        return True
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)


def _marked(text: str, node) -> str:
    """The node's source line with the node between « and », which tells apart two equal
    constants in a function (`_lam = 0.0`, `_gain = 0.0`) and stays put when lines move."""
    line = text.splitlines()[node.lineno - 1].encode()  # ast's columns count UTF-8 bytes
    if node.end_lineno == node.lineno:
        start, end = node.col_offset, node.end_col_offset
        line = line[:start] + b"\xc2\xab" + line[start:end] + b"\xc2\xbb" + line[end:]
    return " ".join(line.decode().split())[:120]


def _mutations_of(node, scope: str, text: str):
    if not hasattr(node, "lineno"):
        return
    snippet = _marked(text, node)
    line = node.lineno
    if isinstance(node, ast.Compare):
        for i, op in enumerate(node.ops):
            for new in _FLIPS.get(type(op), ()):
                yield (
                    Mutant(line, scope, snippet, f"{_SYMBOLS[type(op)]} to {_SYMBOLS[new]}"),
                    *_swap_list_item(node.ops, i, new()),
                )
    elif isinstance(node, ast.BoolOp):
        new = ast.Or if isinstance(node.op, ast.And) else ast.And
        yield (
            Mutant(line, scope, snippet, f"{_SYMBOLS[type(node.op)]} to {_SYMBOLS[new]}"),
            *_swap_attr(node, "op", new()),
        )
    elif (
        isinstance(node, ast.Constant)
        and isinstance(node.value, int | float)
        and not isinstance(node.value, bool)
    ):
        for delta in (1, -1):
            new_value = node.value + delta
            yield (
                Mutant(line, scope, snippet, f"{node.value!r} to {new_value!r}"),
                *_swap_attr(node, "value", new_value),
            )
    elif isinstance(node, ast.Return) and node.value is not None:
        if not (isinstance(node.value, ast.Constant) and node.value.value is None):
            yield (
                Mutant(line, scope, snippet, "return None"),
                *_swap_attr(node, "value", ast.Constant(None)),
            )
    elif isinstance(node, ast.If) and not (
        len(node.body) == 1 and isinstance(node.body[0], ast.Pass)
    ):
        head = ast.get_source_segment(text, node.test) or ast.unparse(node.test)
        yield (
            Mutant(line, scope, " ".join(f"if {head}".split())[:80], "if body dropped"),
            *_swap_attr(node, "body", [ast.Pass()]),
        )


def _swap_attr(node, name, value):
    old = getattr(node, name)
    return (lambda: setattr(node, name, value), lambda: setattr(node, name, old))


def _swap_list_item(items, index, value):
    old = items[index]

    def apply():
        items[index] = value

    def undo():
        items[index] = old

    return apply, undo


# ---------------------------------------------------------------------------------------------
# Swapping a mutant into the live module


def _functions_of(namespace: dict, module_name: str):
    """name -> function for the module's own functions, and "Class.method" for its classes'
    (properties' getters too)."""
    found = {}
    for name, value in namespace.items():
        if getattr(value, "__module__", None) != module_name:
            continue
        if isinstance(value, type):
            for attr, member in vars(value).items():
                if isinstance(member, property):
                    member = member.fget
                if isinstance(member, staticmethod | classmethod):
                    member = member.__func__
                if callable(member) and hasattr(member, "__code__"):
                    found[f"{name}.{attr}"] = member
        elif hasattr(value, "__code__"):
            found[name] = value
    return found


class LiveModule:
    """A module whose code can be swapped for a mutant's and put back."""

    def __init__(self, name: str):
        self.module = importlib.import_module(name)
        self.path = Path(self.module.__file__)
        self.text = self.path.read_text()
        self.tree = ast.parse(self.text, str(self.path))
        self.saved_globals = dict(vars(self.module))
        self.functions = _functions_of(vars(self.module), name)
        # Class-level values (a dataclass field's default is one): swapped like globals.
        self.saved_class_values = {
            class_name: {
                attr: value
                for attr, value in vars(cls).items()
                if not attr.startswith("__")
                and not callable(value)
                and not hasattr(value, "__get__")
            }
            for class_name, cls in self.saved_globals.items()
            if isinstance(cls, type) and cls.__module__ == name
        }
        self.saved_code = {
            key: (f.__code__, f.__defaults__, f.__kwdefaults__) for key, f in self.functions.items()
        }

    def apply(self) -> None:
        """Execute the (mutated) tree and swap its code and values into the live module."""
        code = compile(self.tree, str(self.path), "exec")
        namespace = {
            "__name__": self.module.__name__,
            "__package__": self.module.__package__,
            "__file__": str(self.path),
            "__builtins__": builtins,
        }
        exec(code, namespace)  # noqa: S102 - the module's own source, mutated
        new_functions = _functions_of(namespace, self.module.__name__)
        for key, function in self.functions.items():
            new = new_functions.get(key)
            if new is None or (
                new.__code__ == function.__code__
                and new.__defaults__ == function.__defaults__
                and new.__kwdefaults__ == function.__kwdefaults__
            ):
                continue  # (a dataclass field's default is in its __init__'s defaults)
            function.__code__ = new.__code__
            function.__defaults__ = new.__defaults__
            function.__kwdefaults__ = new.__kwdefaults__
        live = vars(self.module)
        for name, value in namespace.items():
            original = self.saved_globals.get(name)
            if isinstance(original, type) and isinstance(value, type):
                for attr, saved in self.saved_class_values.get(name, {}).items():
                    setattr(original, attr, vars(value).get(attr, saved))
            if name.startswith("__") or isinstance(original, type) or callable(original):
                continue
            live[name] = value

    def restore(self) -> None:
        for name, values in self.saved_class_values.items():
            for attr, value in values.items():
                setattr(self.saved_globals[name], attr, value)
        for key, (code, defaults, kwdefaults) in self.saved_code.items():
            function = self.functions[key]
            function.__code__ = code
            function.__defaults__ = defaults
            function.__kwdefaults__ = kwdefaults
        vars(self.module).update(self.saved_globals)


# ---------------------------------------------------------------------------------------------
# The pytest session that runs one module's mutants (loaded with -p tests.mutation)


class MutantTimeout(BaseException):  # noqa: N818 - not an error: a mutant that runs forever
    """Raised by the timer; a BaseException so that the importers' `except Exception` does
    not swallow it."""


def _on_alarm(signum, frame):
    raise MutantTimeout


def _run_items(session, items, deadline: float | None) -> str:
    """The node id of the first failing test, or "" when all pass."""
    from _pytest.runner import runtestprotocol

    if deadline is not None:
        signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, max(deadline, 0.01))
    failed = ""
    try:
        for i, item in enumerate(items):
            nextitem = items[i + 1] if i + 1 < len(items) else None
            reports = runtestprotocol(item, log=False, nextitem=nextitem)
            if any(r.failed for r in reports):
                failed = item.nodeid
                break
    except MutantTimeout:
        failed = "timeout"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        # A mutant's half-made fixtures: torn down, whatever they raise; the next run sets up
        # anew.
        with contextlib.suppress(BaseException):
            session._setupstate.teardown_exact(None)
    return failed


def pytest_runtestloop(session):
    target = os.environ.get("MUTATION_TARGET")
    if not target or session.config.option.collectonly:
        return None
    out = Path(os.environ["MUTATION_OUT"])
    items = [i for i in session.items if i.originalname not in SLOW_TESTS]
    started = time.monotonic()
    times = {}
    for item in items:
        t0 = time.monotonic()
        failed = _run_items(session, [item], None)
        times[item.nodeid] = time.monotonic() - t0
        if failed:
            out.write_text(json.dumps({"error": f"{failed} fails without any mutant"}))
            return True
    baseline = time.monotonic() - started
    items.sort(key=lambda item: times[item.nodeid])
    limit = 3 * baseline + 10

    live = LiveModule(f"runlog.importers.{target}")
    mutants = []
    for mutant, apply, undo in _mutation_points(live.tree, live.text):
        if (target, *mutant.key) in EQUIVALENT:
            mutant.status = "equivalent"
            mutants.append(mutant)
            continue
        apply()
        try:
            live.apply()
        except Exception as error:  # the mutated module does not even import: killed
            mutant.status, mutant.killed_by = "killed", f"import: {error!r}"[:200]
        else:
            failed = _run_items(session, items, limit)
            if failed == "timeout":
                mutant.status = "timeout"
            elif failed:
                mutant.status, mutant.killed_by = "killed", failed
                killer = next(i for i in items if i.nodeid == failed)
                items.remove(killer)
                items.insert(0, killer)
            else:
                mutant.status = "survived"
        finally:
            undo()
            live.restore()
        mutants.append(mutant)
        if os.environ.get("MUTATION_VERBOSE"):
            print(f"{mutant.status:10} {target}:{mutant.line} {mutant.change}", flush=True)
    out.write_text(
        json.dumps(
            {
                "baseline_s": baseline,
                "seconds": time.monotonic() - started,
                "mutants": [asdict(m) for m in mutants],
            }
        )
    )
    return True


# ---------------------------------------------------------------------------------------------
# The command


def _run_module(module: str) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "result.json"
        env = {
            **os.environ,
            "MUTATION_TARGET": module,
            "MUTATION_OUT": str(out),
            "DJANGO_ALLOW_ASYNC_UNSAFE": "true",
        }
        tests = [t for t in MODULES[module] if (ROOT / t).exists()]
        command = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "tests.mutation", *tests]
        command += ["-p", "no:cacheprovider", "--no-header", "-o", "addopts="]
        subprocess.run(command, cwd=ROOT, env=env, check=False, stdout=subprocess.DEVNULL)
        if not out.exists():
            return {"error": "the pytest session ended without a result (see its output)"}
        return json.loads(out.read_text())


def main() -> int:
    wanted = os.environ.get("MUTATION_MODULES", "") or ",".join(MODULES)
    modules = [m.strip() for m in wanted.split(",") if m.strip()]
    unknown = [m for m in modules if m not in MODULES]
    if unknown:
        print(f"Unknown module(s): {', '.join(unknown)}; known: {', '.join(MODULES)}")
        return 2
    rows = []
    failing = False
    started = time.monotonic()
    for module in modules:
        result = _run_module(module)
        if "error" in result:
            print(f"{module}: {result['error']}")
            failing = True
            continue
        mutants = [Mutant(**m) for m in result["mutants"]]
        counted = [m for m in mutants if m.status != "equivalent"]
        killed = sum(m.status in ("killed", "timeout") for m in counted)
        share = 100 * killed / len(counted) if counted else 100.0
        failing |= share < THRESHOLD
        for m in counted:
            if m.status == "survived":
                print(f"  survived  runlog/importers/{module}.py:{m.line} {m.function}: ", end="")
                print(f"{m.source}  ({m.change})")
        equivalent = len(mutants) - len(counted)
        matched = {(module, *m.key) for m in mutants if m.status == "equivalent"}
        for key in EQUIVALENT:
            if key[0] == module and key not in matched:
                print(f"  EQUIVALENT entry matches no mutant (the code changed?): {key}")
                failing = True
        rows.append((module, killed, len(counted), share, equivalent, result["seconds"]))
        print(
            f"{module}.py: {killed}/{len(counted)} killed ({share:.1f} %), "
            f"{equivalent} equivalent, {result['seconds']:.0f} s",
            flush=True,
        )
    print()
    print(f"{'module':<12}{'killed':>8}{'total':>8}{'%':>8}{'equiv.':>8}{'time':>8}")
    for module, killed, total, share, equivalent, seconds in rows:
        print(
            f"{module + '.py':<12}{killed:>8}{total:>8}{share:>8.1f}{equivalent:>8}{seconds:>7.0f}s"
        )
    print(f"{time.monotonic() - started:.0f} s in all; each module needs {THRESHOLD:.0f} %.")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())

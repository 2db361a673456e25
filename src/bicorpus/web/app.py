"""Routes, state and view helpers of the web UI (see :mod:`bicorpus.web`)."""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..corpus import DOCUMENTS_FILE, open_corpus
from ..errors import BicorpusError, PassageNotFound, QueryError, SearchIndexError
from ..index import SearchIndex, open_index
from ..index.search import MAX_LIMIT
from ..kwic import SORTS, UNITS, kwic_lines
from ..model import LANGS, REGIONS, TIERS, Document, Hit, Match, Passage
from ..spellings import document_sites, find_variants, years_span

STATIC_DIR = Path(__file__).resolve().parent / "static"
#: Hits per page, and the most a page may ask for.
PER_PAGE, MAX_PER_PAGE = 20, 100
#: What each tier means, shown on every highlighted span.
TIER_WHY: dict[str, str] = {
    "exact": "the word as written",
    "normalized": "the same word once normalized (case, diacritics, letter forms)",
    "stem": "the same stem (another inflection)",
    "translit": "the same name in another spelling or script",
    "alias": "another name of the same entity in the gazetteer",
}
_DIRS = {"ar": "rtl", "en": "ltr"}
_LANG_TAGS = {"ar": "ar", "en": "en", "mixed": "mul"}
_FILTERS = ("lang", "region", "doc", "since", "until")
#: Sent with every response: no script runs, nothing is loaded from elsewhere.
SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy",
     b"default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; form-action 'self'; "
     b"base-uri 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
]


def check_sources(index: str | Path, corpus: str | Path) -> None:
    """Raise the CLI's one-line error when the index cannot be opened."""
    open_index(index).close()


class _State:
    """The open index (shared by every request thread) and the corpus's documents, reread when
    the corpus changes."""

    def __init__(self, index: Path, corpus: Path) -> None:
        self.index_path, self.corpus_path = index, corpus
        self._lock = threading.Lock()
        self._index: SearchIndex | None = None
        self._docs_stamp: tuple[int, int] | None = None
        self._documents: dict[str, Document] = {}
        self._sites: dict[str, str] = {}

    def index(self) -> SearchIndex:
        with self._lock:
            if self._index is None:
                self._index = open_index(self.index_path)
            return self._index

    def _refresh_documents(self) -> None:
        try:
            st = (self.corpus_path / DOCUMENTS_FILE).stat()
        except OSError:
            return
        stamp = (st.st_mtime_ns, st.st_size)
        if stamp == self._docs_stamp:
            return
        try:
            docs = {d.id: d for d in open_corpus(self.corpus_path).documents()}
        except BicorpusError:
            return  # a corpus being rewritten: keep what was read before
        self._documents, self._sites, self._docs_stamp = docs, document_sites(docs.values()), stamp

    def documents(self) -> tuple[dict[str, Document], dict[str, str]]:
        with self._lock:
            self._refresh_documents()
            return self._documents, self._sites

    def close(self) -> None:
        with self._lock:
            if self._index is not None:
                self._index.close()
                self._index = None


# -- request parameters -------------------------------------------------------------------------


def _text(request: Request, name: str) -> str | None:
    value = request.query_params.get(name, "").strip()
    return value or None


def _int(request: Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query_params.get(name, "")
    try:
        value = int(raw) if raw.strip() else default
    except ValueError:
        raise QueryError(f"{name}={raw!r}: not a whole number") from None
    if not low <= value <= high:
        raise QueryError(f"{name}={value}: use a number from {low} to {high:,}")
    return value


def _filters(request: Request) -> dict[str, Any]:
    found: dict[str, Any] = {name: _text(request, name) for name in _FILTERS}
    found["exact"] = request.query_params.get("exact", "") not in ("", "0", "false", "off")
    return found


def _query(request: Request, name: str = "q") -> str:
    value = _text(request, name)
    if value is None:
        raise QueryError(f"empty query: give ?{name}=WORDS")
    return value


# -- view helpers -------------------------------------------------------------------------------


@dataclass
class Segment:
    """A piece of a passage text; ``match`` set for a highlighted span."""

    text: str
    match: Match | None = None

    @property
    def why(self) -> str:
        m = self.match
        if m is None:
            return ""
        parts = [f"{m.term} → {m.text}: {m.tier} ({TIER_WHY.get(m.tier, m.tier)})",
                 f"confidence {m.confidence:.2f}"]
        if m.entity:
            parts.append(f"entity {m.entity}")
        return "; ".join(parts)


def segments(text: str, matches: Sequence[Match]) -> list[Segment]:
    """``text`` cut at its matched spans (overlaps dropped, best tier first at equal starts)."""
    out, pos = [], 0
    for m in sorted(matches, key=lambda m: (m.start, TIERS.index(m.tier) if m.tier in TIERS else 99)):
        if m.start < pos or not 0 <= m.start < m.end <= len(text):
            continue
        if m.start > pos:
            out.append(Segment(text[pos:m.start]))
        out.append(Segment(text[m.start:m.end], m))
        pos = m.end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


def text_dir(lang: str) -> str:
    return _DIRS.get(lang, "auto")


def lang_tag(lang: str) -> str:
    return _LANG_TAGS.get(lang, lang)


def _url(path: str, params: dict[str, Any]) -> str:
    kept = {k: ("1" if v is True else v) for k, v in params.items() if v not in (None, "", False)}
    return f"{path}?{urlencode(kept)}" if kept else path


def _chart(result: Any, width: int = 640, height: int = 220) -> dict[str, Any] | None:
    """Coordinates of an SVG line chart of passages per year, one line per spelling (top 6)."""
    years = years_span(result)
    shown = result.variants[:6]
    if not years or not shown:
        return None
    left, right, top, bottom = 40, 150, 10, 30
    top_count = max(max(v.by_year.values(), default=0) for v in shown) or 1
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / max(len(years) - 1, 1)

    def x(i: int) -> float:
        return round(left + (i * step if len(years) > 1 else plot_w / 2), 1)

    def y(n: int) -> float:
        return round(top + plot_h - n * plot_h / top_count, 1)

    colours = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf")
    lines = []
    for k, v in enumerate(shown):
        points = [(x(i), y(v.by_year.get(year, 0))) for i, year in enumerate(years)]
        lines.append({"spelling": v.spelling, "colour": colours[k], "points": points,
                      "path": " ".join(f"{px},{py}" for px, py in points), "legend_y": top + 14 + 18 * k})
    label_every = max(1, len(years) // 8)
    ticks = [{"x": x(i), "label": year} for i, year in enumerate(years) if i % label_every == 0]
    return {"width": width, "height": height, "lines": lines, "ticks": ticks, "top_count": top_count,
            "x0": left, "x1": left + plot_w, "y0": top + plot_h, "y1": top, "legend_x": left + plot_w + 12}


# -- the app ------------------------------------------------------------------------------------


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("bicorpus.web", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    env.globals.update(text_dir=text_dir, lang_tag=lang_tag, segments=segments, url=_url, TIER_WHY=TIER_WHY,
                       LANGS=LANGS, REGIONS=REGIONS, SORTS=SORTS, UNITS=UNITS)
    return env


def create_app(index: str | Path = "index", corpus: str | Path = "corpus") -> Starlette:
    """The web UI over the index at ``index`` and the corpus at ``corpus`` (read-only)."""
    from ..cli.output import rows_csv
    from ..cli.search_cmds import hit_row, passage_row

    state = _State(Path(index), Path(corpus))
    env = _environment()

    def page(name: str, request: Request, status: int = 200, **context: Any) -> HTMLResponse:
        html = env.get_template(name).render(request=request, **context)
        return HTMLResponse(html, status_code=status)

    def error_page(request: Request, err: Exception, status: int = 400) -> HTMLResponse:
        return page("error.html", request, status=status, message=f"Error: {err}",
                    params=dict(request.query_params))

    def api_error(err: Exception, status: int = 400) -> JSONResponse:
        return JSONResponse({"error": f"Error: {err}"}, status_code=status)

    def _status(err: BicorpusError) -> int:
        return 503 if isinstance(err, SearchIndexError) else 400

    def home(request: Request) -> Response:
        params = {"q": _text(request, "q"), **{k: _text(request, k) for k in _FILTERS},
                  "exact": request.query_params.get("exact") or None}
        if params["q"] is None:
            return page("search.html", request, params=params, result=None)
        try:
            filters = _filters(request)
            per = _int(request, "per", PER_PAGE, 1, MAX_PER_PAGE)
            number = _int(request, "page", 1, 1, MAX_LIMIT)
            want = min(number * per, MAX_LIMIT)
            result = state.index().search(params["q"], limit=want, **filters)
        except BicorpusError as err:
            return error_page(request, err, _status(err))
        hits = result.hits[(number - 1) * per: number * per]
        pages = max(1, -(-min(result.total, MAX_LIMIT) // per))
        base = {**params, "per": per if per != PER_PAGE else None}
        return page("search.html", request, params=params, result=result, hits=hits, page=number,
                    pages=pages, first=(number - 1) * per + 1, per=per,
                    prev_url=_url("/", {**base, "page": number - 1}) if number > 1 else None,
                    next_url=_url("/", {**base, "page": number + 1}) if number < pages else None,
                    csv_url=_url("/download.csv", {**params, "limit": min(result.total, MAX_LIMIT) or 1}),
                    jsonl_url=_url("/download.jsonl",
                                   {**params, "limit": min(result.total, MAX_LIMIT) or 1}),
                    conc_url=_url("/concordance", params),
                    variants_url=_url("/variants", {"name": params["q"]}))

    def passage_view(request: Request) -> Response:
        pid = request.path_params["pid"]
        try:
            found = state.index().in_context(pid, 2)
            passage, before, after, siblings = found.passage, found.before, found.after, found.document
        except SearchIndexError as err:
            return error_page(request, err, 503)
        except BicorpusError as err:
            return error_page(request, err, 404)
        documents, sites = state.documents()
        by_region: dict[str, list[Passage]] = {}
        for p in siblings:
            by_region.setdefault(p.region, []).append(p)
        return page("passage.html", request, passage=passage, before=before, after=after,
                    document=documents.get(passage.doc_id), site=sites.get(passage.doc_id),
                    by_region=by_region, params={})

    def concordance_view(request: Request) -> Response:
        params = {"q": _text(request, "q"), **{k: _text(request, k) for k in _FILTERS},
                  "exact": request.query_params.get("exact") or None,
                  "sort": _text(request, "sort") or "rank", "unit": _text(request, "unit") or "chars",
                  "width": _text(request, "width"), "limit": _text(request, "limit")}
        if params["q"] is None:
            return page("concordance.html", request, params=params, conc=None)
        try:
            conc = kwic_lines(state.index(), params["q"], limit=_int(request, "limit", 100, 1, MAX_LIMIT),
                              width=_int(request, "width", -1, -1, 1000) if params["width"] else None,
                              unit=params["unit"], sort=params["sort"], **_filters(request))
        except BicorpusError as err:
            return error_page(request, err, _status(err))
        sort_urls = {s: _url("/concordance", {**params, "sort": s}) for s in SORTS}
        return page("concordance.html", request, params=params, conc=conc, sort_urls=sort_urls)

    def variants_view(request: Request) -> Response:
        params = {"name": _text(request, "name"), **{k: _text(request, k) for k in _FILTERS}}
        if params["name"] is None:
            return page("variants.html", request, params=params, result=None, chart=None)
        try:
            _, sites = state.documents()
            result = find_variants(state.index(), params["name"], sites=sites, **_filters(request))
        except BicorpusError as err:
            return error_page(request, err, _status(err))
        return page("variants.html", request, params=params, result=result, chart=_chart(result),
                    search_url=_url("/", {"q": params["name"]}))

    def _hits(request: Request) -> tuple[str, list[Hit], Any]:
        q = _query(request)
        result = state.index().search(q, limit=_int(request, "limit", 10, 1, MAX_LIMIT), **_filters(request))
        return q, result.hits, result

    def api_search(request: Request) -> Response:
        try:
            _, _, result = _hits(request)
        except BicorpusError as err:
            return api_error(err, _status(err))
        return _json(result.to_dict())

    def api_passage(request: Request) -> Response:
        pid = request.path_params["pid"]
        try:
            found = state.index().in_context(pid, _int(request, "context", 1, 0, 50))
        except PassageNotFound as err:
            return api_error(err, 404)
        except BicorpusError as err:
            return api_error(err, _status(err))
        passage, before, after = found.passage, found.before, found.after
        return _json({"passage": passage_row(passage), "before": [passage_row(p) for p in before],
                      "after": [passage_row(p) for p in after]})

    def api_variants(request: Request) -> Response:
        try:
            _, sites = state.documents()
            result = find_variants(state.index(), _query(request, "name"), sites=sites, **_filters(request))
        except BicorpusError as err:
            return api_error(err, _status(err))
        return _json(result.to_dict())

    def api_concordance(request: Request) -> Response:
        try:
            raw_width = _text(request, "width")
            conc = kwic_lines(state.index(), _query(request), limit=_int(request, "limit", 100, 1, MAX_LIMIT),
                              width=_int(request, "width", 0, 0, 1000) if raw_width else None,
                              unit=_text(request, "unit") or "chars", sort=_text(request, "sort") or "rank",
                              **_filters(request))
        except BicorpusError as err:
            return api_error(err, _status(err))
        return _json(conc.to_dict())

    def download_csv(request: Request) -> Response:
        try:
            _, hits, _ = _hits(request)
        except BicorpusError as err:
            return api_error(err, _status(err))
        body = rows_csv([hit_row(i, h) for i, h in enumerate(hits, 1)])
        return Response(body, media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="bicorpus-search.csv"'})

    def download_jsonl(request: Request) -> Response:
        try:
            _, hits, _ = _hits(request)
        except BicorpusError as err:
            return api_error(err, _status(err))
        body = "".join(json.dumps(h.to_dict(), ensure_ascii=False) + "\n" for h in hits)
        return Response(body, media_type="application/x-ndjson; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="bicorpus-search.jsonl"'})

    routes = [
        Route("/", home),
        Route("/passage/{pid:path}", passage_view),
        Route("/concordance", concordance_view),
        Route("/variants", variants_view),
        Route("/api/search", api_search),
        Route("/api/passage/{pid:path}", api_passage),
        Route("/api/variants", api_variants),
        Route("/api/concordance", api_concordance),
        Route("/download.csv", download_csv),
        Route("/download.jsonl", download_jsonl),
        Mount("/static", app=StaticFiles(directory=STATIC_DIR), name="static"),
    ]

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        state.close()

    app = Starlette(routes=routes, lifespan=lifespan, middleware=[Middleware(_Headers)])
    app.state.bicorpus = state
    return app


class _Headers:
    """Read-only and self-contained: no scripts, nothing from other origins, no sniffing."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Any) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)


def _json(data: Any) -> Response:
    """JSON as the CLI prints it (Arabic unescaped)."""
    return Response(json.dumps(data, ensure_ascii=False, indent=2), media_type="application/json")

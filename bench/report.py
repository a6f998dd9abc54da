"""The benchmark's verdicts and its plain-text table (bench/run.py gathers the numbers)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

CATEGORY_LABELS = {"performance": "performance", "accessibility": "accessibility",
                   "best-practices": "best practices", "seo": "SEO"}
COMPONENT_BUDGET_BYTES = 10 * 1024
REVEAL_BUDGET_MS = 16.0
BUILD_RATIO_BUDGET = 1.2
SCALE_BUILD_BUDGET_S = 2.0
SCALE_TBT_BUDGET_MS = 50.0
MOBILE_PERFORMANCE_BUDGET = 98

LABEL, CELL, RATIO = 36, 15, 8


# --- formatting -------------------------------------------------------------------------

def fmt_int(value) -> str:
    return "—" if value is None else f"{round(value):,}"


def fmt_ms(value) -> str:
    return "—" if value is None else f"{value:,.1f} ms"


def fmt_s(value) -> str:
    return "—" if value is None else f"{value:.2f} s"


def fmt_cls(value) -> str:
    return "—" if value is None else f"{value:.4f}"


def fmt_bytes(value) -> str:
    return "—" if value is None else f"{round(value):,} B"


def ratio(ours, control) -> str:
    if not isinstance(ours, (int, float)) or not isinstance(control, (int, float)) or control == 0:
        return "—"
    return f"{ours / control:.2f}"


def row(label: str, ours, control, fmt: Callable = fmt_int, ours_text: str | None = None,
        control_text: str | None = None) -> str:
    left = ours_text if ours_text is not None else fmt(ours)
    right = control_text if control_text is not None else fmt(control)
    return f"  {label:<{LABEL}}{left:>{CELL}}{right:>{CELL}}{ratio(ours, control):>{RATIO}}"


def header_row(first: str = "ours", second: str = "control") -> str:
    return f"  {'':<{LABEL}}{first:>{CELL}}{second:>{CELL}}{'ratio':>{RATIO}}"


def title(text: str) -> str:
    return f"\n{text}\n{'=' * len(text)}"


def page_name(page: str) -> str:
    return page or "/ (home)"


def dig(data, *keys):
    """data[k1][k2]... or None when any step is missing."""
    for key in keys:
        if not isinstance(data, dict) or data.get(key) is None:
            return None
        data = data[key]
    return data


# --- the per-page table -----------------------------------------------------------------

def lighthouse_rows(ours: dict, control: dict, preset: str) -> list[str]:
    mine, theirs = dig(ours, "lighthouse", preset), dig(control, "lighthouse", preset)
    if mine is None:
        return [f"  Lighthouse {preset}: not run"]
    lines = [f"  Lighthouse {preset}"]
    for category, label in CATEGORY_LABELS.items():
        lines.append(row(f"  {label}", dig(mine, "scores", category), dig(theirs, "scores", category)))
    lines += [
        row("  total byte weight", mine["total_byte_weight"], dig(theirs, "total_byte_weight"), fmt_bytes),
        row("  total blocking time", mine["tbt_ms"], dig(theirs, "tbt_ms"), fmt_ms),
        row("  largest contentful paint", mine["lcp_ms"], dig(theirs, "lcp_ms"), fmt_ms),
        row("  cumulative layout shift", mine["cls"], dig(theirs, "cls"), fmt_cls),
    ]
    return lines


def playwright_rows(ours: dict, control: dict) -> list[str]:
    mine, theirs = ours["playwright"]["summary"], control["playwright"]["summary"]
    lines = ["  Playwright (transferred bytes (requests), cold load)"]
    for kind in ("document", "script", "stylesheet", "font", "image", "other", "total"):
        a, b = mine["by_type"][kind], theirs["by_type"][kind]
        lines.append(row(f"  {kind}", a["bytes"], b["bytes"],
                         ours_text=f"{a['bytes']:,} ({a['requests']})", control_text=f"{b['bytes']:,} ({b['requests']})"))
    lines += [
        row("  first contentful paint", mine["fcp_ms"], theirs["fcp_ms"], fmt_ms),
        row("  layout-shift sum (worst load)", mine["layout_shift_sum"], theirs["layout_shift_sum"], fmt_cls),
        row("  long tasks", mine["long_tasks"], theirs["long_tasks"]),
        row("  long tasks, total", mine["long_task_ms"], theirs["long_task_ms"], fmt_ms),
    ]
    baseline = dig(control, "playwright", "reveal", "baseline", "median_ms")
    shown = False
    for kind, label in (("cards", "reveal, cards (median)"), ("layers", "reveal, layers (median)")):
        median = dig(ours, "playwright", "reveal", kind, "median_ms")
        if median is not None:
            lines.append(row(f"  {label}", median, baseline, fmt_ms))
            shown = True
    if shown and baseline is not None:
        lines.append("    (control column: bare <details> injected into the control page)")
    return lines


def markup_rows(ours: dict, control: dict) -> list[str]:
    return [
        "  Static",
        row("  page HTML, gzipped", ours["html"]["gzip_bytes"], control["html"]["gzip_bytes"], fmt_bytes),
        row("  component assets, gzipped", ours["components"]["gzip_bytes"], 0, fmt_bytes),
    ]


def page_table(page: str, ours: dict, control: dict, presets: Iterable[str]) -> list[str]:
    lines = [f"\nPage {page_name(page)}", header_row()]
    for preset in presets:
        lines += lighthouse_rows(ours, control, preset)
    lines += playwright_rows(ours, control)
    lines += markup_rows(ours, control)
    return lines


# --- budgets ----------------------------------------------------------------------------

def verdict(name: str, ok: bool | None, measured: str, **raw) -> dict:
    status = "SKIPPED" if ok is None else ("MET" if ok else "NOT MET")
    return {"budget": name, "status": status, "measured": measured, **raw}


def _lighthouse_pages(pages: dict, preset: str) -> dict:
    return {page: dig(sides, "ours", "lighthouse", preset) for page, sides in pages.items()
            if dig(sides, "ours", "lighthouse", preset)}


def budget_lighthouse_desktop(pages: dict) -> dict:
    runs = _lighthouse_pages(pages, "desktop")
    name = "Lighthouse desktop: 100 in all four categories, every page"
    if not runs:
        return verdict(name, None, "not run")
    low = [f"{page_name(p)} {c}={r['scores'][c]}" for p, r in runs.items() for c in CATEGORY_LABELS
           if r["scores"][c] != 100]
    lowest = {c: min(r["scores"][c] or 0 for r in runs.values()) for c in CATEGORY_LABELS}
    measured = "lowest " + ", ".join(f"{CATEGORY_LABELS[c]} {v}" for c, v in lowest.items())
    measured += f" over {len(runs)} pages" + (f"; below 100: {'; '.join(low)}" if low else "")
    return verdict(name, not low, measured, lowest=lowest)


def budget_lighthouse_mobile(pages: dict) -> dict:
    runs = _lighthouse_pages(pages, "mobile")
    name = f"Lighthouse mobile: a11y, best practices, SEO 100; performance ≥ {MOBILE_PERFORMANCE_BUDGET}"
    if not runs:
        return verdict(name, None, "not run")
    need = {"performance": MOBILE_PERFORMANCE_BUDGET, "accessibility": 100, "best-practices": 100, "seo": 100}
    low = [f"{page_name(p)} {c}={r['scores'][c]}" for p, r in runs.items() for c, floor in need.items()
           if (r["scores"][c] or 0) < floor]
    lowest = {c: min(r["scores"][c] or 0 for r in runs.values()) for c in CATEGORY_LABELS}
    measured = "lowest " + ", ".join(f"{CATEGORY_LABELS[c]} {v}" for c, v in lowest.items())
    measured += f" over {len(runs)} pages" + (f"; short: {'; '.join(low)}" if low else "")
    return verdict(name, not low, measured, lowest=lowest)


def budget_component_weight(weights: dict) -> list[dict]:
    using = {p: w["gzip_bytes"] for p, w in weights.items() if w["has_component"]}
    others = {p: w["gzip_bytes"] for p, w in weights.items() if not w["has_component"]}
    heaviest = max(using.items(), key=lambda item: item[1]) if using else None
    first = verdict(
        f"Components add ≤ {COMPONENT_BUDGET_BYTES:,} B (10 KB) gzipped script+style to a page using them",
        None if heaviest is None else heaviest[1] <= COMPONENT_BUDGET_BYTES,
        "no page uses a component" if heaviest is None
        else f"heaviest {page_name(heaviest[0])}: {heaviest[1]:,} B", per_page=using)
    extra = {p: b for p, b in others.items() if b}
    second = verdict(
        "Components add 0 B to pages without components",
        None if not others else not extra,
        f"{sum(others.values()):,} B over {len(others)} pages" + (f" ({extra})" if extra else ""),
        per_page=others)
    return [first, second]


def budget_reveal(label: str, median: float | None) -> dict:
    name = f"Reveal latency, {label}: median ≤ {REVEAL_BUDGET_MS:.0f} ms"
    if median is None:
        return verdict(name, None, "not measured")
    return verdict(name, median <= REVEAL_BUDGET_MS, fmt_ms(median), median_ms=median)


def _shifted(pages: dict) -> str:
    """Which elements Lighthouse saw shift, e.g. 'examples/ desktop: ol.gp-cards__list 0.0101'."""
    found = []
    for page, sides in pages.items():
        for preset in ("mobile", "desktop"):
            for item in dig(sides, "ours", "lighthouse", preset, "layout_shift_elements") or []:
                selector = (item["selector"] or "?").split(" > ")[-1]
                found.append(f"{page_name(page)} {preset}: {selector} {item['score'] or 0:.4f}")
    return "; ".join(found)


def _shifted_in_playwright(pages: dict) -> str:
    found = []
    for page, sides in pages.items():
        for load in dig(sides, "ours", "playwright", "loads") or []:
            for shift in load["layout_shifts"]:
                found.append(f"{page_name(page)}: {', '.join(shift['nodes']) or '?'} {shift['value']:.4f}")
    return "; ".join(dict.fromkeys(found))


def budget_cls(pages: dict) -> list[dict]:
    lighthouse = {f"{page_name(p)} {preset}": dig(sides, "ours", "lighthouse", preset, "cls")
                  for p, sides in pages.items() for preset in ("mobile", "desktop")}
    lighthouse = {k: v for k, v in lighthouse.items() if v is not None}
    shifts = {page_name(p): sides["ours"]["playwright"]["summary"]["layout_shift_sum"] for p, sides in pages.items()}
    results = []
    for name, values in (("CLS 0 on every page (Lighthouse)", lighthouse),
                         ("Layout-shift sum 0 on every page (Playwright)", shifts)):
        if not values:
            results.append(verdict(name, None, "not run"))
            continue
        nonzero = {k: round(v, 4) for k, v in values.items() if v != 0}
        worst = max(values.values())
        measured = f"worst {worst:.4f}" + (f"; non-zero: {nonzero}" if nonzero else f" over {len(values)} runs")
        shifted = _shifted(pages) if values is lighthouse else _shifted_in_playwright(pages)
        if nonzero and shifted:
            measured += f"; shifted: {shifted}"
        results.append(verdict(name, not nonzero, measured, values=values))
    return results


def _longest_tasks(lighthouse: dict | None, count: int = 3) -> str:
    tasks = sorted((lighthouse or {}).get("long_tasks") or [], key=lambda task: -(task["duration_ms"] or 0))
    return ", ".join(f"{(task['url'] or '?').rsplit('/', 1)[-1]} {task['duration_ms'] or 0:.0f} ms"
                     for task in tasks[:count])


def budget_builds(builds: dict, scale: dict, scale_tbt: float | None) -> list[dict]:
    ours, control = builds["ours"]["median"], builds["control"]["median"]
    build_ratio = ours / control
    difference = scale["build"]["difference_s"]
    tbt_name = f"500-card page: TBT < {SCALE_TBT_BUDGET_MS:.0f} ms (Lighthouse desktop)"
    return [
        verdict(f"Full build ≤ {BUILD_RATIO_BUDGET}× the control's", build_ratio <= BUILD_RATIO_BUDGET,
                f"{build_ratio:.2f}× ({ours:.2f} s vs {control:.2f} s)", ratio=build_ratio),
        verdict(f"500-card page builds < {SCALE_BUILD_BUDGET_S:.0f} s more than its control",
                difference < SCALE_BUILD_BUDGET_S, f"+{difference:.2f} s", difference_s=difference),
        verdict(tbt_name, None, "not run") if scale_tbt is None
        else verdict(tbt_name, scale_tbt < SCALE_TBT_BUDGET_MS, fmt_ms(scale_tbt) + (
            f"; longest tasks: {_longest_tasks(dig(scale, 'ours', 'lighthouse', 'desktop'))}"
            if scale_tbt else ""), tbt_ms=scale_tbt),
    ]


def _median_reveal(pages: dict, kind: str) -> float | None:
    found = [dig(sides, "ours", "playwright", "reveal", kind, "median_ms") for sides in pages.values()]
    found = [value for value in found if value is not None]
    return max(found) if found else None


def budgets(results: dict) -> list[dict]:
    pages, scale = results["pages"], results["scale"]
    return [
        budget_lighthouse_desktop(pages),
        budget_lighthouse_mobile(pages),
        *budget_component_weight(results["component_weight"]["pages"]),
        budget_reveal("example cards", _median_reveal(pages, "cards")),
        budget_reveal("pyramid layers", _median_reveal(pages, "layers")),
        budget_reveal("500-card page", dig(scale, "ours", "playwright", "reveal", "cards", "median_ms")),
        *budget_cls(pages),
        *budget_builds(results["builds"], scale, dig(scale, "ours", "lighthouse", "desktop", "tbt_ms")),
    ]


# --- the whole report -------------------------------------------------------------------

def machine_line(machine: dict) -> str:
    return (f"Goal Pyramid benchmark, {machine['date']} | {machine['platform']} | {machine['cpu']} | "
            f"{machine['cores']} cores | {machine['memory_gib']:.1f} GiB | {machine['chromium']} | "
            f"Lighthouse {machine['lighthouse']} | load average at start {machine['load_average']}")


def build_section(builds: dict, runs: int) -> list[str]:
    ours, control = builds["ours"], builds["control"]
    return [title(f"Build time (mkdocs build --strict, median of {runs})"), header_row(),
            row("whole site", ours["median"], control["median"], fmt_s)]


def component_section(weights: dict) -> list[str]:
    lines = [title("Component weight (gzip -6)"),
             f"  site-wide stylesheets/theme.css (every page): {weights['theme_css_gzip_bytes']:,} B"]
    for page, weight in weights["pages"].items():
        assets = ", ".join(f"{path.removeprefix('components/')} {size:,}" for path, size in weight["assets"].items())
        lines.append(f"  {page_name(page):<18}{weight['gzip_bytes']:>8,} B" + (f"  ({assets})" if assets else ""))
    markup = weights.get("markup", {})
    if markup:
        lines.append("  component markup (page HTML gzipped, ours − control):")
        for page, sizes in markup.items():
            lines.append(f"    {page_name(page):<16}{sizes['ours']:>8,} B − {sizes['control']:>7,} B = "
                         f"{sizes['ours'] - sizes['control']:>+7,} B")
    return lines


def scale_section(scale: dict) -> list[str]:
    ours, control = scale["ours"], scale["control"]
    build = scale["build"]
    lines = [title(f"Scale case: {scale['cards']} cards on one page (bank/)"),
             header_row("bank", "unmarked"),
             row(f"build time (median of {len(build['bank']['runs'])})", build["bank"]["median"],
                 build["unmarked"]["median"], fmt_s),
             f"  {'  difference':<{LABEL}}{'+' + fmt_s(build['difference_s']):>{CELL}}",
             row("page weight, Playwright", ours["playwright"]["summary"]["by_type"]["total"]["bytes"],
                 control["playwright"]["summary"]["by_type"]["total"]["bytes"], fmt_bytes),
             row("page HTML, gzipped", ours["html"]["gzip_bytes"], control["html"]["gzip_bytes"], fmt_bytes)]
    if dig(ours, "lighthouse", "desktop"):
        lines += [row("total byte weight, LH desktop", ours["lighthouse"]["desktop"]["total_byte_weight"],
                      dig(control, "lighthouse", "desktop", "total_byte_weight"), fmt_bytes),
                  row("TBT, LH desktop", ours["lighthouse"]["desktop"]["tbt_ms"],
                      dig(control, "lighthouse", "desktop", "tbt_ms"), fmt_ms),
                  row("performance, LH desktop", ours["lighthouse"]["desktop"]["scores"]["performance"],
                      dig(control, "lighthouse", "desktop", "scores", "performance"))]
    else:
        lines.append("  Lighthouse: not run")
    lines += [row("long tasks, total (Playwright)", ours["playwright"]["summary"]["long_task_ms"],
                  control["playwright"]["summary"]["long_task_ms"], fmt_ms),
              row("reveal latency (median)", dig(ours, "playwright", "reveal", "cards", "median_ms"),
                  dig(control, "playwright", "reveal", "baseline", "median_ms"), fmt_ms),
              "    (unmarked column: bare <details> injected into the unmarked page)"]
    return lines


def budget_section(verdicts: list[dict]) -> list[str]:
    lines = [title("Budgets")]
    for item in verdicts:
        lines.append(f"  {item['status']:<8} {item['budget']}")
        lines.append(f"  {'':<8}   measured: {item['measured']}")
    return lines


def render(results: dict) -> str:
    settings = results["settings"]
    lines = [machine_line(results["machine"]),
             f"Mode: {settings['mode']} | pages: {', '.join(page_name(p) for p in settings['pages'])} | "
             f"Lighthouse presets: {', '.join(settings['presets']) or 'none'} | "
             f"{settings['loads']} load(s) per page, {settings['reveal_samples']} reveal samples | "
             f"ratio = ours / control"]
    lines += build_section(results["builds"], settings["build_runs"])
    lines.append(title("Pages: ours vs control (plain Material, markers removed)"))
    for page, sides in results["pages"].items():
        lines += page_table(page, sides["ours"], sides["control"], settings["presets"])
    lines += component_section(results["component_weight"])
    lines += scale_section(results["scale"])
    lines += budget_section(results["budgets"])
    lines.append(f"\nTook {results['seconds']:.0f} s. Raw numbers: {results['results_path']}")
    return "\n".join(lines)

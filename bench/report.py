"""The benchmark's plain-text table and how it writes numbers (bench/run.py gathers them,
bench/budgets.py judges them)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

CATEGORY_LABELS = {"performance": "performance", "accessibility": "accessibility",
                   "best-practices": "best practices", "seo": "SEO"}
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
                         ours_text=f"{a['bytes']:,} ({a['requests']})",
                         control_text=f"{b['bytes']:,} ({b['requests']})"))
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
        if item["detail"]:
            lines.append(f"  {'':<8}   {item['detail']}")
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

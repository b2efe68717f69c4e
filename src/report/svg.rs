//! The HTML report's charts as SVG, drawn by plotters (its SVG backend only: text is written as
//! SVG `<text>`, measured without fonts) from the data `charts.rs` chose. Each chart opens with a
//! `<title>` and a `<desc>` for screen readers; marks differ by shape and dash as well as by
//! colour, and the colours by lightness, so that a chart printed in grey still reads. Pure and
//! deterministic: the same data give the same bytes.

use std::collections::BTreeMap;
use std::error::Error;

use plotters::coord::ranged1d::SegmentValue;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::charts::{Bar, Charts, ResourceUse, Timeline};
use super::context::ReportContext;

type Drawn<T> = Result<T, Box<dyn Error>>;

const WIDTH: u32 = 760;
const FONT: &str = "sans-serif";

/// Lightness steps that stay apart in grey: ink (darkest), blue, purple, orange.
const INK: RGBColor = RGBColor(0x22, 0x2b, 0x3a);
const BLUE: RGBColor = RGBColor(0x1d, 0x4e, 0x89);
const PURPLE: RGBColor = RGBColor(0x7b, 0x4f, 0x9d);
const ORANGE: RGBColor = RGBColor(0xe0, 0x8a, 0x1e);
const RED: RGBColor = RGBColor(0xb0, 0x25, 0x1a);
const GRID: RGBColor = RGBColor(0xd5, 0xd9, 0xe0);
const MUTED: RGBColor = RGBColor(0x8a, 0x93, 0xa3);

/// Every chart of the report, by name, as SVG markup ready to print inside HTML.
pub fn all(context: &ReportContext) -> Drawn<BTreeMap<&'static str, String>> {
    let charts = &context.charts;
    let currency = context.portfolio.currency.as_str();
    let mut svgs = BTreeMap::new();
    if !charts.quadrant.is_empty() {
        svgs.insert("quadrant", quadrant(charts)?);
    }
    if !charts.timeline.rows.is_empty() {
        svgs.insert("timeline", timeline(&charts.timeline)?);
    }
    if !charts.value_by_type.is_empty() {
        svgs.insert(
            "value_by_type",
            bars(
                "value_by_type",
                &format!("Money captured by value type ({currency})"),
                &describe_bars(&charts.value_by_type, currency),
                &charts.value_by_type,
                currency,
                BLUE,
            )?,
        );
    }
    if !charts.hours_by_type.is_empty() {
        svgs.insert(
            "hours_by_type",
            bars(
                "hours_by_type",
                "Hours captured by value type",
                &describe_bars(&charts.hours_by_type, "hours"),
                &charts.hours_by_type,
                "hours",
                PURPLE,
            )?,
        );
    }
    let over_time = &context.value.over_time;
    if !over_time.is_empty() {
        // Money and hours are not drawn on one axis: the chart shows money, or hours when no
        // money was captured; the table beside it has both.
        let money = over_time.iter().any(|point| point.usd > 0.0);
        let labels: Vec<String> = over_time.iter().map(|point| point.month.clone()).collect();
        let (name, unit) = if money {
            (format!("money ({currency})"), currency.to_string())
        } else {
            ("hours".to_string(), "hours".to_string())
        };
        let series = [Series {
            name,
            values: over_time
                .iter()
                .map(|point| Some(if money { point.usd } else { point.hours }))
                .collect(),
            style: if money { 0 } else { 1 },
        }];
        let last = over_time
            .last()
            .map_or(0.0, |p| if money { p.usd } else { p.hours });
        svgs.insert(
            "value_over_time",
            lines(
                "value_over_time",
                &format!("Value captured over time ({unit}, cumulative)"),
                &format!(
                    "Value captured by the end of each month from {} to {}: {} {unit} by the end.",
                    labels.first().map_or("", String::as_str),
                    labels.last().map_or("", String::as_str),
                    crate::numbers::grouped(last),
                ),
                &labels,
                &series,
                None,
                &format!("{unit}, cumulative"),
            )?,
        );
    }
    let benefits = &charts.benefits;
    if benefits.baseline.is_some() && !benefits.periods.is_empty() {
        let labels: Vec<String> = benefits
            .periods
            .iter()
            .map(|row| row.period.clone())
            .collect();
        let series = [
            Series {
                name: "revenue".into(),
                values: benefits.periods.iter().map(|row| row.revenue_pct).collect(),
                style: 0,
            },
            Series {
                name: "resource cost".into(),
                values: benefits.periods.iter().map(|row| row.cost_pct).collect(),
                style: 2,
            },
            Series {
                name: "duplicate effort".into(),
                values: benefits.periods.iter().map(|row| row.effort_pct).collect(),
                style: 1,
            },
        ];
        let last = benefits.periods.last();
        let pct = |value: Option<f64>| {
            value.map_or_else(
                || "n/a".to_string(),
                |v| format!("{}%", crate::numbers::grouped(v)),
            )
        };
        svgs.insert(
            "benefits",
            lines(
                "benefits",
                "Revenue, resource cost and duplicate effort against the baseline",
                &format!(
                    "Each figure per period as a percentage of the baseline period {} (100%). In {}: revenue {}, resource cost {}, duplicate effort {}.",
                    benefits.baseline.as_deref().unwrap_or_default(),
                    last.map_or("", |row| row.period.as_str()),
                    pct(last.and_then(|row| row.revenue_pct)),
                    pct(last.and_then(|row| row.cost_pct)),
                    pct(last.and_then(|row| row.effort_pct)),
                ),
                &labels,
                &series,
                Some(100.0),
                "% of baseline",
            )?,
        );
    }
    if !charts.resources.rows.is_empty() {
        svgs.insert("resources", resources(&charts.resources)?);
    }
    if let Some(history) = context
        .history
        .as_ref()
        .filter(|history| history.by_commit.len() > 1)
    {
        svgs.insert("history", history_chart(history, currency)?);
    }
    Ok(svgs)
}

/// The value captured at each commit of the history section's sample (the table beside it has
/// every headline figure).
fn history_chart(history: &super::history::HistoryView, currency: &str) -> Drawn<String> {
    let labels: Vec<String> = history
        .by_commit
        .iter()
        .map(|row| row.commit.clone())
        .collect();
    let series = [Series {
        name: format!("value captured ({currency})"),
        values: history
            .by_commit
            .iter()
            .map(|row| Some(row.chart_value_usd))
            .collect(),
        style: 0,
    }];
    let first = history.by_commit.first();
    let last = history.by_commit.last();
    let figure = |row: Option<&super::history::TrendRow>| {
        row.map_or_else(String::new, |row| {
            format!(
                "{} {currency} at {} ({})",
                crate::numbers::grouped(row.chart_value_usd),
                row.commit,
                row.date
            )
        })
    };
    lines(
        "history",
        &format!("Value captured by commit ({currency})"),
        &format!(
            "The value captured at {} commit(s) of the main line: {} at first, {} at last.",
            history.by_commit.len(),
            figure(first),
            figure(last),
        ),
        &labels,
        &series,
        None,
        currency,
    )
}

/// Text a chart draws: no control characters, at most `limit` characters.
fn label(text: &str, limit: usize) -> String {
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let clean = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    if clean.chars().count() <= limit {
        clean
    } else {
        let cut: String = clean.chars().take(limit.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// Escapes a chart's accessible name for SVG text; a control character, which XML cannot
/// hold, becomes a space.
fn escape(text: &str) -> String {
    let clean: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    super::filters::escape_html(&clean)
}

/// Names the chart for assistive technology: `role="img"`, a `<title>` and a `<desc>`; and
/// lets it scale with the page.
fn accessible(svg: &str, id: &str, title: &str, description: &str) -> String {
    let svg = svg.trim_start_matches("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let Some(end) = svg.find('>') else {
        return svg.to_string();
    };
    let (open, rest) = svg.split_at(end);
    let open = open.replacen(
        "<svg ",
        &format!("<svg class=\"chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" "),
        1,
    );
    format!(
        "{open}>\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>{}",
        escape(title),
        escape(description),
        &rest[1..]
    )
}

fn font(size: u32) -> TextStyle<'static> {
    (FONT, size).into_font().color(&INK)
}

fn describe_bars(bars: &[Bar], unit: &str) -> String {
    let parts: Vec<String> = bars
        .iter()
        .map(|bar| {
            format!(
                "{} {} {unit}",
                label(&bar.label, 40),
                crate::numbers::grouped(bar.value)
            )
        })
        .collect();
    format!("Largest first: {}.", parts.join("; "))
}

/// Horizontal bars, the first at the top, each with its amount written at its end.
fn bars(
    id: &str,
    title: &str,
    description: &str,
    bars: &[Bar],
    unit: &str,
    colour: RGBColor,
) -> Drawn<String> {
    let n = i32::try_from(bars.len()).unwrap_or(i32::MAX);
    let height = 90 + 36 * n.unsigned_abs();
    let max = bars.iter().map(|bar| bar.value).fold(0.0_f64, f64::max);
    let max = if max > 0.0 && max.is_finite() {
        max * 1.25
    } else {
        1.0
    };
    let names: Vec<String> = bars.iter().map(|bar| label(&bar.label, 28)).collect();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE)?;
        let amount = |value: &f64| crate::numbers::grouped(*value);
        let mut chart = horizontal_frame(&root, &names, max, (5, &amount), unit)?;
        chart.draw_series(bars.iter().enumerate().map(|(index, bar)| {
            let row = n - 1 - i32::try_from(index).unwrap_or(0);
            let mut rectangle = Rectangle::new(
                [
                    (0.0, SegmentValue::Exact(row)),
                    (bar.value, SegmentValue::Exact(row + 1)),
                ],
                colour.filled(),
            );
            rectangle.set_margin(5, 5, 0, 0);
            rectangle
        }))?;
        chart.draw_series(bars.iter().enumerate().map(|(index, bar)| {
            let row = n - 1 - i32::try_from(index).unwrap_or(0);
            Text::new(
                format!(" {}", crate::numbers::grouped(bar.value)),
                (bar.value, SegmentValue::CenterOf(row)),
                font(19).pos(Pos::new(HPos::Left, VPos::Center)),
            )
        }))?;
        root.present()?;
    }
    Ok(accessible(&svg, id, title, description))
}

/// A horizontal bar chart's frame, its mesh drawn: a row per name from the top (row `n - 1 -
/// index` for the name at `index`), values from 0 to `max` along the bottom with `labels.0`
/// labels written by `labels.1`, and `unit` below them.
fn horizontal_frame<'a, 'b>(
    root: &'a DrawingArea<SVGBackend<'b>, plotters::coord::Shift>,
    names: &[String],
    max: f64,
    labels: (usize, &dyn Fn(&f64) -> String),
    unit: &str,
) -> Drawn<HorizontalChart<'a, 'b>> {
    let n = i32::try_from(names.len()).unwrap_or(i32::MAX);
    let mut chart = ChartBuilder::on(root)
        .margin(14)
        .x_label_area_size(40)
        .y_label_area_size(210)
        // Segments run from 0 to the range's end inclusive: one bar leaves one empty above.
        .build_cartesian_2d(0f64..max, (0..(n - 1).max(1)).into_segmented())?;
    let row_name = row_names(names);
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(GRID)
        .axis_style(MUTED)
        .y_labels(names.len())
        .y_label_formatter(&row_name)
        .x_labels(labels.0)
        .x_label_formatter(labels.1)
        .x_desc(unit)
        .label_style(font(19))
        .axis_desc_style(font(19))
        .draw()?;
    Ok(chart)
}

/// The label of each row of a chart whose rows are `names` from the top: row `n - 1 - index`
/// holds the name at `index`.
fn row_names(names: &[String]) -> impl Fn(&SegmentValue<i32>) -> String + '_ {
    let n = i32::try_from(names.len()).unwrap_or(i32::MAX);
    move |value| match value {
        SegmentValue::CenterOf(row) => usize::try_from(n - 1 - row)
            .ok()
            .and_then(|index| names.get(index).cloned())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// The chart [`horizontal_frame`] draws on.
type HorizontalChart<'a, 'b> = ChartContext<
    'a,
    SVGBackend<'b>,
    Cartesian2d<
        plotters::coord::types::RangedCoordf64,
        plotters::coord::ranged1d::SegmentedCoord<plotters::coord::types::RangedCoordi32>,
    >,
>;

/// Resources by their use of capacity: a bar per resource at its percentage, the capacity as a
/// dashed line at 100%, a resource over capacity in red with a cross at its end.
fn resources(data: &ResourceUse) -> Drawn<String> {
    let rows = &data.rows;
    let n = i32::try_from(rows.len()).unwrap_or(i32::MAX);
    let height = 90 + 36 * n.unsigned_abs();
    let max = rows
        .iter()
        .filter_map(|row| row.pct)
        .fold(100.0_f64, f64::max);
    let max = if max.is_finite() { max * 1.2 } else { 120.0 };
    let names: Vec<String> = rows.iter().map(|row| label(&row.name, 28)).collect();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE)?;
        let percent = |value: &f64| format!("{}%", crate::numbers::grouped(*value));
        let mut chart = horizontal_frame(
            &root,
            &names,
            max,
            (6, &percent),
            "allocated, % of capacity",
        )?;
        for (index, row) in rows.iter().enumerate() {
            let at = n - 1 - i32::try_from(index).unwrap_or(0);
            let pct = row.pct.unwrap_or(0.0);
            let colour = if row.over_capacity { RED } else { BLUE };
            let mut rectangle = Rectangle::new(
                [
                    (0.0, SegmentValue::Exact(at)),
                    (pct, SegmentValue::Exact(at + 1)),
                ],
                colour.filled(),
            );
            rectangle.set_margin(5, 5, 0, 0);
            chart.draw_series(std::iter::once(rectangle))?;
            let text = match row.pct {
                Some(pct) => format!("{}%", crate::numbers::grouped(pct)),
                None => "no capacity".to_string(),
            };
            let text = if row.over_capacity {
                format!("  {text} over")
            } else {
                format!(" {text}")
            };
            chart.draw_series(std::iter::once(Text::new(
                text,
                (pct, SegmentValue::CenterOf(at)),
                font(19).pos(Pos::new(HPos::Left, VPos::Center)),
            )))?;
            if row.over_capacity {
                chart.draw_series(std::iter::once(Cross::new(
                    (pct, SegmentValue::CenterOf(at)),
                    6,
                    INK.stroke_width(2),
                )))?;
            }
        }
        chart.draw_series(DashedLineSeries::new(
            [
                (100.0, SegmentValue::Exact(0)),
                (100.0, SegmentValue::Exact(n)),
            ],
            6,
            4,
            INK.stroke_width(2),
        ))?;
        root.present()?;
    }
    let over = rows.iter().filter(|row| row.over_capacity).count() + data.more_over_capacity;
    let parts: Vec<String> = rows
        .iter()
        .map(|row| {
            format!(
                "{} {}",
                label(&row.name, 40),
                row.pct.map_or_else(
                    || "no capacity".to_string(),
                    |pct| format!("{}%", crate::numbers::grouped(pct))
                )
            )
        })
        .collect();
    Ok(accessible(
        &svg,
        "resources",
        "Shared resources: allocated against capacity",
        &format!(
            "Each resource's allocations as a percentage of its capacity; {over} over capacity. {}.",
            parts.join("; ")
        ),
    ))
}

/// The room a legend entry takes: its sample, then its name (about 0.6 em a character).
fn legend_width(name: &str) -> i32 {
    let chars = i32::try_from(name.chars().count()).unwrap_or(40);
    60 + chars * 9
}

struct Series {
    name: String,
    values: Vec<Option<f64>>,
    /// 0: solid, circles; 1: dotted, squares; 2: dashed, triangles.
    style: usize,
}

/// One line per series over categories (periods, months), each with its own dash, marker and
/// lightness, a legend, and a reference line when given.
fn lines(
    id: &str,
    title: &str,
    description: &str,
    labels: &[String],
    series: &[Series],
    reference: Option<f64>,
    y_desc: &str,
) -> Drawn<String> {
    let n = i32::try_from(labels.len()).unwrap_or(i32::MAX);
    let max = series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .copied()
        .filter(|v| v.is_finite())
        .fold(reference.unwrap_or(0.0), f64::max);
    let min = series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .copied()
        .filter(|v| v.is_finite())
        .fold(0.0, f64::min);
    let max = if max > min { max * 1.15 } else { min + 1.0 };
    let names: Vec<String> = labels.iter().map(|text| label(text, 12)).collect();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, 420)).into_drawing_area();
        root.fill(&WHITE)?;
        // The legend sits in a strip above the plot, where no line can run under it.
        let (strip, plot) = root.split_vertically(44);
        let mut x = 20;
        if let Some(reference) = reference {
            let name = format!("baseline = {}", crate::numbers::grouped(reference));
            strip.draw(
                &(EmptyElement::at((x, 24))
                    + DashedPathElement::new(vec![(0, 0), (28, 0)], 2, 4, MUTED.stroke_width(1))
                    + Text::new(
                        name.clone(),
                        (36, 0),
                        font(18).pos(Pos::new(HPos::Left, VPos::Center)),
                    )),
            )?;
            x += legend_width(&name);
        }
        for line in series {
            let colour = [BLUE, PURPLE, ORANGE][line.style % 3];
            let name = label(&line.name, 30);
            let text = Text::new(
                name.clone(),
                (36, 0),
                font(18).pos(Pos::new(HPos::Left, VPos::Center)),
            );
            let at = EmptyElement::at((x, 24));
            match line.style % 3 {
                0 => strip.draw(
                    &(at + PathElement::new(vec![(0, 0), (28, 0)], colour.stroke_width(3))
                        + Circle::new((14, 0), 5, colour.filled())
                        + text),
                )?,
                1 => strip.draw(
                    &(at + DashedPathElement::new(
                        vec![(0, 0), (28, 0)],
                        3,
                        5,
                        colour.stroke_width(3),
                    ) + Rectangle::new([(10, -4), (18, 4)], colour.stroke_width(2))
                        + text),
                )?,
                _ => strip.draw(
                    &(at + DashedPathElement::new(
                        vec![(0, 0), (28, 0)],
                        8,
                        4,
                        colour.stroke_width(3),
                    ) + TriangleMarker::new((14, 0), 7, colour.filled())
                        + text),
                )?,
            }
            x += legend_width(&name);
        }
        let mut chart = ChartBuilder::on(&plot)
            .margin(16)
            .x_label_area_size(44)
            .y_label_area_size(80)
            .build_cartesian_2d(-1..n, min..max)?;
        let category = |value: &i32| {
            usize::try_from(*value)
                .ok()
                .and_then(|index| names.get(index).cloned())
                .unwrap_or_default()
        };
        let amount = |value: &f64| crate::numbers::grouped(*value);
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(GRID)
            .axis_style(MUTED)
            .x_labels(labels.len().clamp(2, 12) + 1)
            .x_label_formatter(&category)
            .y_labels(6)
            .y_label_formatter(&amount)
            .y_desc(y_desc)
            .label_style(font(19))
            .axis_desc_style(font(19))
            .draw()?;
        if let Some(reference) = reference {
            chart.draw_series(DashedLineSeries::new(
                [(-1, reference), (n, reference)],
                2,
                4,
                MUTED.stroke_width(1),
            ))?;
        }
        for line in series {
            let points: Vec<(i32, f64)> = line
                .values
                .iter()
                .enumerate()
                .filter_map(|(index, value)| Some((i32::try_from(index).ok()?, (*value)?)))
                .filter(|(_, value)| value.is_finite())
                .collect();
            let colour = [BLUE, PURPLE, ORANGE][line.style % 3];
            let stroke = colour.stroke_width(3);
            match line.style % 3 {
                0 => {
                    chart.draw_series(LineSeries::new(points.clone(), stroke))?;
                }
                1 => {
                    chart.draw_series(DashedLineSeries::new(points.clone(), 3, 5, stroke))?;
                }
                _ => {
                    chart.draw_series(DashedLineSeries::new(points.clone(), 12, 6, stroke))?;
                }
            }
            match line.style % 3 {
                0 => {
                    chart
                        .draw_series(points.iter().map(|p| Circle::new(*p, 5, colour.filled())))?;
                }
                1 => {
                    chart.draw_series(points.iter().map(|p| {
                        EmptyElement::at(*p)
                            + Rectangle::new([(-4, -4), (4, 4)], colour.stroke_width(2))
                    }))?;
                }
                _ => {
                    chart.draw_series(
                        points
                            .iter()
                            .map(|p| TriangleMarker::new(*p, 7, colour.filled())),
                    )?;
                }
            }
        }
        root.present()?;
    }
    Ok(accessible(&svg, id, title, description))
}

/// The value-against-effort quadrant: a point per place, its area by the synergies there,
/// labelled with their count and best id; each quadrant's name in its corner.
fn quadrant(charts: &Charts) -> Drawn<String> {
    let places = &charts.quadrant;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, 520)).into_drawing_area();
        root.fill(&WHITE)?;
        let mut chart = ChartBuilder::on(&root)
            .margin(16)
            .x_label_area_size(44)
            .y_label_area_size(60)
            .build_cartesian_2d(0.5f64..5.5f64, 0.5f64..5.5f64)?;
        let score = |value: &f64| format!("{value:.0}");
        chart
            .configure_mesh()
            .disable_mesh()
            .axis_style(MUTED)
            .x_labels(5)
            .y_labels(5)
            .x_label_formatter(&score)
            .y_label_formatter(&score)
            .x_desc("implementation effort (1 low – 5 high)")
            .y_desc("value potential (1 low – 5 high)")
            .label_style(font(19))
            .axis_desc_style(font(19))
            .draw()?;
        // Quick wins: value 3+, effort up to 3 (as the register's quadrant column reads).
        let areas = [
            (
                (0.5, 2.5),
                (3.5, 5.5),
                RGBColor(0xdc, 0xee, 0xd8),
                "Quick wins",
            ),
            (
                (3.5, 2.5),
                (5.5, 5.5),
                RGBColor(0xf3, 0xe6, 0xcf),
                "Major projects",
            ),
            (
                (0.5, 0.5),
                (3.5, 2.5),
                RGBColor(0xee, 0xf0, 0xf3),
                "Fill-ins",
            ),
            (
                (3.5, 0.5),
                (5.5, 2.5),
                RGBColor(0xe3, 0xdc, 0xe9),
                "Thankless tasks",
            ),
        ];
        for (from, to, tint, name) in areas {
            chart.draw_series(std::iter::once(Rectangle::new([from, to], tint.filled())))?;
            chart.draw_series(std::iter::once(Text::new(
                name,
                (from.0 + 0.06, to.1 - 0.06),
                font(20).pos(Pos::new(HPos::Left, VPos::Top)),
            )))?;
        }
        let most = places
            .iter()
            .map(|place| place.count)
            .max()
            .unwrap_or(1)
            .max(1);
        for place in places {
            let at = (f64::from(place.effort), f64::from(place.value));
            let radius = 6.0 + 12.0 * (place.count as f64 / most as f64).sqrt();
            chart.draw_series(std::iter::once(Circle::new(
                at,
                radius.round() as i32,
                BLUE.mix(0.85).filled(),
            )))?;
            chart.draw_series(std::iter::once(Circle::new(
                at,
                radius.round() as i32,
                INK.stroke_width(1),
            )))?;
            let first = place.synergies.first().map_or("", String::as_str);
            let text = if place.count > 1 {
                format!("{} +{}", label(first, 14), place.count - 1)
            } else {
                label(first, 18)
            };
            let below = radius.round() as i32 + 3;
            chart.draw_series(std::iter::once(
                EmptyElement::at(at)
                    + Text::new(
                        text,
                        (0, below),
                        font(18).pos(Pos::new(HPos::Center, VPos::Top)),
                    ),
            ))?;
        }
        root.present()?;
    }
    let synergies: usize = places.iter().map(|place| place.count).sum();
    let wins: usize = places
        .iter()
        .filter(|place| place.quadrant == "quick win")
        .map(|place| place.count)
        .sum();
    Ok(accessible(
        &svg,
        "quadrant",
        "Synergies: value against effort",
        &format!(
            "{synergies} synergies at {} places of value potential against implementation effort; {wins} are quick wins (value 3 or more, effort 3 or less).",
            places.len()
        ),
    ))
}

/// The initiatives' milestones on a calendar: a row per initiative, done milestones as filled
/// circles, open ones hollow, overdue ones as red triangles, the report's date a dashed line.
fn timeline(data: &Timeline) -> Drawn<String> {
    use crate::model::date::Date;
    let day = |text: &str| Date::parse(text).map_or(0, Date::days_since_epoch);
    let (from, to) = (day(&data.from) - 7, day(&data.to) + 7);
    let as_of = day(&data.as_of);
    let rows = &data.rows;
    let n = i32::try_from(rows.len()).unwrap_or(i32::MAX);
    let height = 130 + 30 * n.unsigned_abs();
    let names: Vec<String> = rows.iter().map(|row| label(&row.id, 26)).collect();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE)?;
        // The legend in a strip above the rows, where no milestone can sit under it.
        let (strip, plot) = root.split_vertically(44);
        let entry = |x: i32, name: &str| {
            EmptyElement::at((x, 24))
                + Text::new(
                    name.to_string(),
                    (14, 0),
                    font(18).pos(Pos::new(HPos::Left, VPos::Center)),
                )
        };
        strip.draw(&(entry(20, "done") + Circle::new((0, 0), 5, INK.filled())))?;
        strip.draw(&(entry(110, "open") + Circle::new((0, 0), 5, BLUE.stroke_width(2))))?;
        strip.draw(&(entry(200, "overdue") + TriangleMarker::new((0, 0), 7, RED.filled())))?;
        let report_date = format!("report date {}", data.as_of);
        strip.draw(
            &(entry(320, &report_date)
                + DashedPathElement::new(vec![(0, -9), (0, 9)], 4, 3, INK.stroke_width(2))),
        )?;
        let mut chart = ChartBuilder::on(&plot)
            .margin(14)
            .x_label_area_size(40)
            .y_label_area_size(190)
            // Segments run from 0 to the range's end inclusive: one row leaves one empty above.
            .build_cartesian_2d(from..to, (0..(n - 1).max(1)).into_segmented())?;
        let row_name = row_names(&names);
        let date = |value: &i64| Date::from_days_since_epoch(*value).to_string();
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(GRID)
            .axis_style(MUTED)
            .y_labels(rows.len())
            .y_label_formatter(&row_name)
            .x_labels(6)
            .x_label_formatter(&date)
            .label_style(font(19))
            .draw()?;
        for (index, row) in rows.iter().enumerate() {
            let at = n - 1 - i32::try_from(index).unwrap_or(0);
            let days: Vec<i64> = row.milestones.iter().map(|m| day(&m.deadline)).collect();
            if let (Some(first), Some(last)) = (days.iter().min(), days.iter().max()) {
                chart.draw_series(std::iter::once(PathElement::new(
                    vec![
                        (*first, SegmentValue::CenterOf(at)),
                        (*last, SegmentValue::CenterOf(at)),
                    ],
                    MUTED.stroke_width(2),
                )))?;
            }
            for milestone in &row.milestones {
                let point = (day(&milestone.deadline), SegmentValue::CenterOf(at));
                if milestone.done {
                    chart.draw_series(std::iter::once(Circle::new(point, 5, INK.filled())))?;
                } else if milestone.overdue {
                    chart.draw_series(std::iter::once(TriangleMarker::new(
                        point,
                        7,
                        RED.filled(),
                    )))?;
                } else {
                    chart.draw_series(std::iter::once(Circle::new(
                        point,
                        5,
                        BLUE.stroke_width(2),
                    )))?;
                }
            }
        }
        chart.draw_series(DashedLineSeries::new(
            [
                (as_of, SegmentValue::Exact(0)),
                (as_of, SegmentValue::Exact((n - 1).max(1) + 1)),
            ],
            6,
            4,
            INK.stroke_width(2),
        ))?;
        root.present()?;
    }
    let overdue: usize = rows.iter().map(|row| row.overdue).sum();
    let done: usize = rows.iter().map(|row| row.done).sum();
    let total: usize = rows.iter().map(|row| row.total).sum();
    Ok(accessible(
        &svg,
        "timeline",
        "Initiative timeline: milestones and the report date",
        &format!(
            "{} initiatives from {} to {}, report date {}: {done} of {total} milestones done, {overdue} overdue{}.",
            rows.len(),
            data.from,
            data.to,
            data.as_of,
            if data.more > 0 {
                format!("; {} more initiatives are not drawn", data.more)
            } else {
                String::new()
            }
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_is_named_for_screen_readers_and_escapes_what_it_quotes() {
        let svg = "<svg width=\"10\" height=\"10\" viewBox=\"0 0 10 10\" xmlns=\"http://www.w3.org/2000/svg\">\n<rect/>\n</svg>\n";
        let named = accessible(svg, "quadrant", "A <b> title", "\"quoted\" & more");
        assert_eq!(
            named,
            "<svg class=\"chart\" role=\"img\" aria-labelledby=\"quadrant-title quadrant-desc\" width=\"10\" height=\"10\" viewBox=\"0 0 10 10\" xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"quadrant-title\">A &lt;b&gt; title</title>\n<desc id=\"quadrant-desc\">&quot;quoted&quot; &amp; more</desc>\n<rect/>\n</svg>\n"
        );
    }

    #[test]
    fn labels_drop_control_characters_and_are_cut() {
        assert_eq!(label("a\u{0}b\nc", 10), "a b c");
        assert_eq!(label("abcdefghij", 5), "abcd…");
    }

    #[test]
    fn the_same_data_draw_the_same_bytes() {
        let data = [Bar {
            label: "<script>".into(),
            value: 3.5,
            items: 1,
        }];
        let first = bars("b", "t", "d", &data, "USD", BLUE).expect("drawn");
        let second = bars("b", "t", "d", &data, "USD", BLUE).expect("drawn");
        assert_eq!(first, second);
        assert!(first.contains("&lt;script&gt;"), "{first}");
        assert!(!first.contains("<script"));
    }
}

//! The gate timeline: each main-line commit's gate statuses and headline figures, and for each
//! gate when it first passed and when it regressed. Pure: built from gate evaluations that
//! `history::timeline` reads commit by commit; it reads neither git nor the clock.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::gates::{Evaluation, Figures, GateId, GateKind, Status};
use crate::model::date::Date;
use crate::source::Commit;

/// The figures a chairman follows over time, as `folio gates` computes them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Headline {
    /// Money captured, in the portfolio's currency (not finite: `null`).
    pub value_usd: f64,
    pub value_hours: f64,
    pub revenue_growth_pct: Option<f64>,
    pub cost_reduction_pct: Option<f64>,
    pub duplicate_effort_reduction_pct: Option<f64>,
    pub conflict_resolution_rate_pct: f64,
    pub active_ventures: usize,
    pub launched_initiatives: usize,
}

impl Headline {
    pub fn of(figures: &Figures) -> Headline {
        Headline {
            value_usd: figures.value_usd,
            value_hours: figures.value_hours,
            revenue_growth_pct: figures.revenue_growth_pct,
            cost_reduction_pct: figures.cost_reduction_pct,
            duplicate_effort_reduction_pct: figures.duplicate_effort_reduction_pct,
            conflict_resolution_rate_pct: figures.conflict_resolution_rate_pct,
            active_ventures: figures.active_ventures,
            launched_initiatives: figures.launched_initiatives,
        }
    }
}

/// Every gate's status at one commit, in DESIGN.md's order; serialised as a map from the
/// gate's id to its status.
#[derive(Debug, Clone, PartialEq)]
pub struct Statuses(pub Vec<(GateId, Status)>);

impl Statuses {
    pub fn get(&self, id: GateId) -> Option<Status> {
        self.0
            .iter()
            .find(|(gate, _)| *gate == id)
            .map(|(_, status)| *status)
    }
}

impl Serialize for Statuses {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (id, status) in &self.0 {
            map.serialize_entry(id.as_str(), status)?;
        }
        map.end()
    }
}

/// One main-line commit, evaluated as of its own day.
#[derive(Debug, Clone, Serialize)]
pub struct Point {
    pub commit: String,
    /// The commit's day (UTC).
    pub date: Date,
    /// The evaluation date: portfolio.yaml's `as_of` when set, else the commit's day.
    pub as_of: Date,
    /// Whether the commit changed the portfolio's files (the first commit always does).
    pub changed: bool,
    pub gates: Statuses,
    /// Entry gates, steps and exit gates that pass, of [`Point::gates_total`].
    pub gates_passed: usize,
    pub gates_total: usize,
    /// Rollback triggers that fired.
    pub triggers_fired: usize,
    pub metrics: Headline,
}

impl Point {
    pub fn of(commit: &Commit, evaluation: &Evaluation, changed: bool) -> Point {
        let not_trigger = |kind: GateKind| kind != GateKind::Rollback;
        Point {
            commit: commit.id.clone(),
            date: Date::from_days_since_epoch(commit.time.div_euclid(86_400)),
            as_of: evaluation.as_of,
            changed,
            gates: Statuses(
                evaluation
                    .results
                    .iter()
                    .map(|result| (result.id, result.status))
                    .collect(),
            ),
            gates_passed: evaluation
                .results
                .iter()
                .filter(|result| not_trigger(result.kind) && result.passed())
                .count(),
            gates_total: evaluation
                .results
                .iter()
                .filter(|result| not_trigger(result.kind))
                .count(),
            triggers_fired: evaluation
                .results
                .iter()
                .filter(|result| result.status == Status::Advisory)
                .count(),
            metrics: Headline::of(&evaluation.metrics),
        }
    }

    /// The gates whose status here differs from their status at `before`.
    pub fn changes_since(&self, before: &Point) -> Vec<Transition> {
        self.gates
            .0
            .iter()
            .filter_map(|(id, to)| {
                let from = before.gates.get(*id)?;
                (from != *to).then_some(Transition {
                    id: *id,
                    from,
                    to: *to,
                })
            })
            .collect()
    }

    /// The commit's id as people quote it: its first seven characters.
    pub fn short(&self) -> &str {
        self.commit.get(..7).unwrap_or(&self.commit)
    }
}

/// A commit of the timeline, named.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Moment {
    pub commit: String,
    pub date: Date,
}

impl Moment {
    fn of(point: &Point) -> Moment {
        Moment {
            commit: point.commit.clone(),
            date: point.date,
        }
    }
}

/// One gate over the timeline. For a rollback trigger, `pass` means it has not fired: its
/// regressions are the commits at which it fired.
#[derive(Debug, Clone, Serialize)]
pub struct GateHistory {
    pub id: GateId,
    pub kind: GateKind,
    /// Its status at the newest commit.
    pub status: Status,
    /// The first commit at which it passed (the range's first commit when it already passed
    /// there).
    pub first_passed: Option<Moment>,
    /// Whether it passed and then stopped passing at some later commit.
    pub regressed: bool,
    /// Every commit at which it stopped passing after passing at the commit before, oldest first.
    pub regressions: Vec<Moment>,
}

/// The timeline of a range of the main line, oldest commit first.
#[derive(Debug, Clone, Serialize)]
pub struct Timeline {
    /// The portfolio's currency at the newest commit, in which `value_usd` is counted.
    pub currency: String,
    /// A shallow clone: the timeline starts where the clone's history does.
    pub shallow: bool,
    pub commits: Vec<Point>,
    pub gates: Vec<GateHistory>,
}

/// A gate whose status changed from one commit to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Transition {
    pub id: GateId,
    pub from: Status,
    pub to: Status,
}

impl Timeline {
    /// The timeline of these commits (oldest first): each gate's first pass and regressions.
    pub fn of(commits: Vec<Point>, currency: String, shallow: bool) -> Timeline {
        let gates = GateId::ALL
            .into_iter()
            .map(|id| {
                let mut first_passed = None;
                let mut regressions = Vec::new();
                let mut before: Option<Status> = None;
                let mut status = Status::Fail;
                for point in &commits {
                    let Some(now) = point.gates.get(id) else {
                        continue;
                    };
                    if now == Status::Pass && first_passed.is_none() {
                        first_passed = Some(Moment::of(point));
                    }
                    if before == Some(Status::Pass) && now != Status::Pass {
                        regressions.push(Moment::of(point));
                    }
                    before = Some(now);
                    status = now;
                }
                GateHistory {
                    id,
                    kind: id.kind(),
                    status,
                    first_passed,
                    regressed: !regressions.is_empty(),
                    regressions,
                }
            })
            .collect();
        Timeline {
            currency,
            shallow,
            commits,
            gates,
        }
    }

    /// The gates whose status at commit `index` differs from the commit before; none for the
    /// first.
    pub fn transitions(&self, index: usize) -> Vec<Transition> {
        match (
            index.checked_sub(1).and_then(|at| self.commits.get(at)),
            self.commits.get(index),
        ) {
            (Some(before), Some(now)) => now.changes_since(before),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(day: &str, passing: &[GateId]) -> Point {
        Point {
            commit: format!("{day:0<40}"),
            date: Date::parse(day).expect("a date"),
            as_of: Date::parse(day).expect("a date"),
            changed: true,
            gates: Statuses(
                GateId::ALL
                    .into_iter()
                    .map(|id| {
                        let status = if passing.contains(&id) {
                            Status::Pass
                        } else if id.kind() == GateKind::Rollback {
                            Status::Advisory
                        } else {
                            Status::Fail
                        };
                        (id, status)
                    })
                    .collect(),
            ),
            gates_passed: 0,
            gates_total: 14,
            triggers_fired: 0,
            metrics: Headline::of(&Figures::default()),
        }
    }

    #[test]
    fn first_passes_and_regressions_are_found_in_order() {
        use GateId::{ConflictsEscalated, ConflictsResolved, ValueCaptured};
        let timeline = Timeline::of(
            vec![
                point("2026-11-01", &[ConflictsEscalated]),
                point("2026-11-02", &[ConflictsResolved, ConflictsEscalated]),
                point("2026-11-03", &[ValueCaptured]),
                point("2026-11-04", &[ValueCaptured, ConflictsResolved]),
                point("2026-11-05", &[ValueCaptured]),
            ],
            "USD".into(),
            false,
        );
        let gate = |id: GateId| {
            timeline
                .gates
                .iter()
                .find(|gate| gate.id == id)
                .expect("every gate")
        };
        let days = |moments: &[Moment]| -> Vec<String> {
            moments
                .iter()
                .map(|moment| moment.date.to_string())
                .collect()
        };
        let resolved = gate(ConflictsResolved);
        assert_eq!(
            resolved.first_passed.as_ref().map(|m| m.date.to_string()),
            Some("2026-11-02".into())
        );
        assert!(resolved.regressed);
        assert_eq!(days(&resolved.regressions), ["2026-11-03", "2026-11-05"]);
        assert_eq!(resolved.status, Status::Fail);
        let value = gate(ValueCaptured);
        assert_eq!(
            value.first_passed.as_ref().map(|m| m.date.to_string()),
            Some("2026-11-03".into())
        );
        assert!(!value.regressed, "passing since it first passed");
        assert_eq!(value.status, Status::Pass);
        // A trigger that fires after being quiet regresses.
        let escalated = gate(ConflictsEscalated);
        assert_eq!(days(&escalated.regressions), ["2026-11-03"]);
        assert_eq!(escalated.status, Status::Advisory);
        assert!(gate(GateId::PlansCreated).first_passed.is_none());
        assert_eq!(timeline.gates.len(), GateId::ALL.len());

        assert!(timeline.transitions(0).is_empty());
        let changes = timeline.transitions(2);
        assert!(changes.contains(&Transition {
            id: ValueCaptured,
            from: Status::Fail,
            to: Status::Pass
        }));
        assert!(changes.contains(&Transition {
            id: ConflictsResolved,
            from: Status::Pass,
            to: Status::Fail
        }));
        assert_eq!(changes.len(), 3, "{changes:?}");
    }

    #[test]
    fn statuses_serialise_as_a_map_in_designs_order() {
        let json = serde_json::to_string(&point("2026-11-01", &[]).gates).expect("JSON");
        assert!(
            json.starts_with(r#"{"multiple-ventures-active":"fail","data-integrated":"fail""#),
            "{json}"
        );
        assert!(
            json.ends_with(r#""performance-degraded":"advisory"}"#),
            "{json}"
        );
    }
}

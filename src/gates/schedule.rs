//! The stage's 30-day schedule: each step's window, counted from portfolio.yaml's
//! `stage_started` (day 1), and whether the step is done, due or late as of the evaluation date.
//! Pure: the start, the date and which steps pass are its only inputs.

use serde::Serialize;

use super::GateId;
use crate::model::date::Date;

/// How many days the stage lasts.
pub const STAGE_DAYS: u32 = 30;

/// Each step's window, as the first and last day of the stage (day 1 is `stage_started`).
pub const STEP_DAYS: [(GateId, u32, u32); 9] = [
    (GateId::VenturesAssessed, 1, 4),
    (GateId::SynergiesIdentified, 5, 7),
    (GateId::ConflictsResolved, 8, 10),
    (GateId::PlansCreated, 11, 14),
    (GateId::ResourcesShared, 15, 17),
    (GateId::GovernanceEstablished, 18, 20),
    (GateId::InitiativesLaunched, 21, 24),
    (GateId::ValueCaptured, 25, 27),
    (GateId::BenefitsMeasured, 28, 30),
];

/// Where a step stands as of the evaluation date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StepStatus {
    /// Its gate passes.
    Done,
    /// Not done, and its window is open or still ahead.
    Due,
    /// Not done, and its window has closed.
    Late,
}

impl StepStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            StepStatus::Done => "done",
            StepStatus::Due => "due",
            StepStatus::Late => "late",
        }
    }
}

/// One step's window and status.
#[derive(Debug, Clone, Serialize)]
pub struct StepWindow {
    pub id: GateId,
    /// The step's number, 1 to 9.
    pub step: u8,
    /// The window's first and last day, both included.
    pub from: Date,
    pub to: Date,
    pub status: StepStatus,
}

/// The schedule as of the evaluation date. Without `stage_started` there are no windows:
/// `day` and `steps` are `None` (`null` in JSON) and `note` says why.
#[derive(Debug, Clone, Serialize)]
pub struct Schedule {
    pub stage_started: Option<Date>,
    /// The evaluation date's day of the stage: 1 on `stage_started`, 0 the day before, 31 the
    /// day after the last.
    pub day: Option<i64>,
    pub steps: Option<Vec<StepWindow>>,
    /// Why there is no schedule, when there is none.
    pub note: Option<String>,
}

impl Schedule {
    /// The schedule of a stage started on `stage_started`, as of `as_of`; `done` says whether a
    /// step's gate passes.
    pub fn of(stage_started: Option<Date>, as_of: Date, done: impl Fn(GateId) -> bool) -> Schedule {
        let Some(start) = stage_started else {
            return Schedule {
                stage_started: None,
                day: None,
                steps: None,
                note: Some(
                    "portfolio.yaml sets no stage_started, so the steps have no windows".into(),
                ),
            };
        };
        let steps = STEP_DAYS
            .iter()
            .zip(1u8..)
            .map(|(&(id, first, last), step)| {
                let from = start.plus_days(i64::from(first) - 1);
                let to = start.plus_days(i64::from(last) - 1);
                let status = if done(id) {
                    StepStatus::Done
                } else if as_of > to {
                    StepStatus::Late
                } else {
                    StepStatus::Due
                };
                StepWindow {
                    id,
                    step,
                    from,
                    to,
                    status,
                }
            })
            .collect();
        Schedule {
            stage_started: Some(start),
            day: Some(as_of.days_after(start) + 1),
            steps: Some(steps),
            note: None,
        }
    }

    /// The steps whose window has closed before they were done.
    pub fn late(&self) -> impl Iterator<Item = &StepWindow> {
        self.steps
            .iter()
            .flatten()
            .filter(|step| step.status == StepStatus::Late)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).expect("a date")
    }

    fn statuses(schedule: &Schedule) -> Vec<StepStatus> {
        schedule
            .steps
            .iter()
            .flatten()
            .map(|step| step.status)
            .collect()
    }

    #[test]
    fn the_windows_follow_designs_days_and_tile_the_thirty_days() {
        let mut next = 1;
        for (index, (id, first, last)) in STEP_DAYS.iter().enumerate() {
            assert_eq!(*first, next, "{id} starts where the step before ends");
            assert!(last >= first);
            assert_eq!(id.step().map(usize::from), Some(index + 1));
            next = last + 1;
        }
        assert_eq!(next, STAGE_DAYS + 1);

        let schedule = Schedule::of(Some(date("2026-10-16")), date("2026-10-16"), |_| false);
        let windows: Vec<(u8, String, String)> = schedule
            .steps
            .iter()
            .flatten()
            .map(|step| (step.step, step.from.to_string(), step.to.to_string()))
            .collect();
        let expected = [
            (1, "2026-10-16", "2026-10-19"),
            (2, "2026-10-20", "2026-10-22"),
            (3, "2026-10-23", "2026-10-25"),
            (4, "2026-10-26", "2026-10-29"),
            (5, "2026-10-30", "2026-11-01"),
            (6, "2026-11-02", "2026-11-04"),
            (7, "2026-11-05", "2026-11-08"),
            (8, "2026-11-09", "2026-11-11"),
            (9, "2026-11-12", "2026-11-14"),
        ]
        .map(|(step, from, to)| (step, from.to_string(), to.to_string()));
        assert_eq!(windows, expected);
        assert_eq!(schedule.day, Some(1));
    }

    #[test]
    fn a_step_is_due_through_the_last_day_of_its_window_and_late_the_day_after() {
        let start = Some(date("2026-10-16"));
        // Step 1's window is days 1-4: 2026-10-16 to 2026-10-19.
        let last_day = Schedule::of(start, date("2026-10-19"), |_| false);
        assert_eq!(last_day.day, Some(4));
        assert_eq!(statuses(&last_day), vec![StepStatus::Due; 9]);
        let day_after = Schedule::of(start, date("2026-10-20"), |_| false);
        assert_eq!(day_after.day, Some(5));
        let mut expected = vec![StepStatus::Due; 9];
        expected[0] = StepStatus::Late;
        assert_eq!(statuses(&day_after), expected);
        assert_eq!(
            day_after.late().map(|step| step.id).collect::<Vec<_>>(),
            [GateId::VenturesAssessed]
        );

        // The last step, on day 30 and on day 31.
        let day_30 = Schedule::of(start, date("2026-11-14"), |_| false);
        assert_eq!(statuses(&day_30)[8], StepStatus::Due);
        let day_31 = Schedule::of(start, date("2026-11-15"), |_| false);
        assert_eq!(day_31.day, Some(31));
        assert_eq!(statuses(&day_31), vec![StepStatus::Late; 9]);
    }

    #[test]
    fn a_step_whose_gate_passes_is_done_whether_its_window_is_ahead_or_closed() {
        let start = Some(date("2026-10-16"));
        let done = |id: GateId| matches!(id, GateId::VenturesAssessed | GateId::BenefitsMeasured);
        let early = Schedule::of(start, date("2026-10-10"), done);
        assert_eq!(early.day, Some(-5));
        let mut expected = vec![StepStatus::Due; 9];
        expected[0] = StepStatus::Done;
        expected[8] = StepStatus::Done;
        assert_eq!(statuses(&early), expected);
        let after = Schedule::of(start, date("2026-12-01"), done);
        let mut expected = vec![StepStatus::Late; 9];
        expected[0] = StepStatus::Done;
        expected[8] = StepStatus::Done;
        assert_eq!(statuses(&after), expected);
    }

    #[test]
    fn without_stage_started_there_is_no_schedule_and_it_says_why() {
        let schedule = Schedule::of(None, date("2026-11-15"), |_| true);
        assert_eq!(schedule.day, None);
        assert!(schedule.steps.is_none());
        let json = serde_json::to_value(&schedule).expect("JSON");
        assert_eq!(json["steps"], serde_json::Value::Null);
        assert_eq!(json["stage_started"], serde_json::Value::Null);
        assert!(
            json["note"]
                .as_str()
                .is_some_and(|note| note.contains("stage_started"))
        );
    }

    #[test]
    fn the_schedule_serialises_as_documented() {
        let schedule = Schedule::of(Some(date("2026-10-16")), date("2026-11-15"), |id| {
            id == GateId::VenturesAssessed
        });
        let json = serde_json::to_value(&schedule).expect("JSON");
        assert_eq!(json["stage_started"], "2026-10-16");
        assert_eq!(json["day"], 31);
        assert_eq!(json["note"], serde_json::Value::Null);
        assert_eq!(
            json["steps"][0],
            serde_json::json!({"id": "ventures-assessed", "step": 1, "from": "2026-10-16", "to": "2026-10-19", "status": "done"})
        );
        assert_eq!(json["steps"][8]["id"], "benefits-measured");
        assert_eq!(json["steps"][8]["status"], "late");
    }
}

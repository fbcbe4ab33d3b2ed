//! A document's time budget, in CPU time of the thread that works on it.
//!
//! Wall time depends on machine load (the same file would be `ok` on an idle machine
//! and `timeout` on a busy one); the CPU time a thread spent on a document does not,
//! so a record does not depend on what else runs. Every stage polls the same
//! [`Budget`] and stops, keeping what it has, once it is spent.
//!
//! ```
//! use protokoll_model::Budget;
//! use std::time::Duration;
//! let budget = Budget::new(Duration::from_secs(8));
//! for _line in 0..1000 {
//!     // `tick` reads the clock once in a while: cheap enough for an inner loop.
//!     if budget.tick().is_err() {
//!         break; // keep what was read so far
//!     }
//! }
//! assert!(budget.check().is_ok());
//! ```

use std::cell::Cell;
use std::marker::PhantomData;
use std::time::Duration;

/// The budget is spent. The caller keeps what it has done and stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverBudget {
    /// The limit that was reached.
    pub limit: Duration,
}

impl std::fmt::Display for OverBudget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "over the limit of {} s of CPU time per document",
            self.limit.as_secs_f64()
        )
    }
}

impl std::error::Error for OverBudget {}

/// How spending is measured.
#[derive(Debug, Clone, Copy)]
enum Meter {
    /// CPU time of the thread that made the budget, from this start.
    Cpu(Duration),
    /// No limit.
    Unlimited,
    /// Spent after this many calls of `check` (deterministic, for tests).
    Checks(u64),
}

/// A CPU-time allowance for one document, measured on the thread that made it.
///
/// A budget is neither `Send` nor `Sync`: thread CPU time only means something on the
/// thread that spends it, so a stage that wanted to fan out over threads would have to
/// give each its own.
#[derive(Debug, Clone)]
pub struct Budget {
    meter: Meter,
    limit: Duration,
    /// Calls of `check` so far (the `Checks` meter) and of `tick` since the clock was
    /// last read.
    calls: Cell<u64>,
    ticks: Cell<u32>,
    _thread_bound: PhantomData<*const ()>,
}

/// `tick` reads the clock once per this many calls.
const TICK_EVERY: u32 = 256;

impl Budget {
    /// `limit` of CPU time, counted from now on the current thread.
    pub fn new(limit: Duration) -> Budget {
        Budget::with_meter(Meter::Cpu(thread_cpu_time()), limit)
    }

    /// A budget that is never spent.
    pub fn unlimited() -> Budget {
        Budget::with_meter(Meter::Unlimited, Duration::MAX)
    }

    /// A budget spent after `n` calls of [`Budget::check`] (each [`Budget::tick`] that
    /// reads the clock is one such call): the same cut on every run, for tests of what
    /// a stage keeps when it stops.
    pub fn after_checks(n: u64) -> Budget {
        Budget::with_meter(Meter::Checks(n), Duration::ZERO)
    }

    fn with_meter(meter: Meter, limit: Duration) -> Budget {
        Budget {
            meter,
            limit,
            calls: Cell::new(0),
            ticks: Cell::new(0),
            _thread_bound: PhantomData,
        }
    }

    /// The allowance (including any [`Budget::extend`]).
    pub fn limit(&self) -> Duration {
        self.limit
    }

    /// CPU time spent since the budget was made.
    pub fn spent(&self) -> Duration {
        match self.meter {
            Meter::Cpu(start) => thread_cpu_time().saturating_sub(start),
            Meter::Unlimited | Meter::Checks(_) => Duration::ZERO,
        }
    }

    /// What is left (zero once spent).
    pub fn remaining(&self) -> Duration {
        match self.meter {
            Meter::Unlimited => Duration::MAX,
            Meter::Checks(n) if self.calls.get() >= n => Duration::ZERO,
            Meter::Checks(_) => Duration::MAX,
            Meter::Cpu(_) => self.limit.saturating_sub(self.spent()),
        }
    }

    /// Whether the budget is spent (does not count as a check).
    pub fn exhausted(&self) -> bool {
        self.remaining().is_zero()
    }

    /// `Err` once the budget is spent. Reads the thread's CPU clock (a system call of
    /// well under a microsecond): poll it per page or per thousand operations, or use
    /// [`Budget::tick`] in inner loops.
    pub fn check(&self) -> Result<(), OverBudget> {
        self.calls.set(self.calls.get().saturating_add(1));
        if self.exhausted() {
            Err(OverBudget { limit: self.limit })
        } else {
            Ok(())
        }
    }

    /// As [`Budget::check`], but reads the clock only every 256th call; cheap enough for
    /// the innermost loop of a stage.
    pub fn tick(&self) -> Result<(), OverBudget> {
        let t = self.ticks.get().wrapping_add(1);
        if t < TICK_EVERY {
            self.ticks.set(t);
            return Ok(());
        }
        self.ticks.set(0);
        self.check()
    }

    /// Grants `more` CPU time (the pipeline keeps a reserve for parsing the pages read
    /// when reading used up the budget). No effect on [`Budget::after_checks`].
    pub fn extend(&mut self, more: Duration) {
        self.limit = self.limit.saturating_add(more);
    }
}

/// CPU time of the calling thread.
#[cfg(unix)]
fn thread_cpu_time() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; the call only writes it.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return Duration::ZERO;
    }
    Duration::new(
        u64::try_from(ts.tv_sec).unwrap_or(0),
        u32::try_from(ts.tv_nsec).unwrap_or(0),
    )
}

/// Without a thread CPU clock, wall time since the first call (load-dependent, but
/// bounded).
#[cfg(not(unix))]
fn thread_cpu_time() -> Duration {
    use std::sync::OnceLock;
    use std::time::Instant;
    static EPOCH: OnceLock<Instant> = OnceLock::new();
    EPOCH.get_or_init(Instant::now).elapsed()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn burn(d: Duration) {
        let start = thread_cpu_time();
        let mut x = 0u64;
        while thread_cpu_time().saturating_sub(start) < d {
            x = std::hint::black_box(x.wrapping_add(1));
        }
    }

    #[test]
    fn cpu_budget_runs_out_after_its_limit_of_cpu_time() {
        let b = Budget::new(Duration::from_millis(30));
        assert!(b.check().is_ok());
        burn(Duration::from_millis(40));
        let e = b.check().expect_err("spent");
        assert_eq!(e.limit, Duration::from_millis(30));
        assert!(b.spent() >= Duration::from_millis(40));
        assert!(e.to_string().contains("0.03 s of CPU time"), "{e}");
    }

    #[test]
    fn sleeping_costs_no_cpu_time() {
        let b = Budget::new(Duration::from_millis(20));
        std::thread::sleep(Duration::from_millis(60));
        assert!(b.check().is_ok(), "spent {:?}", b.spent());
    }

    #[test]
    fn extend_grants_more() {
        let mut b = Budget::new(Duration::from_millis(10));
        burn(Duration::from_millis(15));
        assert!(b.exhausted());
        b.extend(Duration::from_secs(60));
        assert!(b.check().is_ok());
    }

    #[test]
    fn check_counting_budget_is_spent_after_n_checks() {
        let b = Budget::after_checks(3);
        assert!(b.check().is_ok());
        assert!(b.check().is_ok());
        assert!(b.check().is_err());
        assert!(b.exhausted());
    }

    #[test]
    fn tick_reads_the_clock_once_per_256_calls() {
        let b = Budget::after_checks(1);
        for _ in 0..255 {
            assert!(b.tick().is_ok());
        }
        assert!(b.tick().is_err());
        assert!(Budget::unlimited().check().is_ok());
    }
}

//! `mpwasm-soak`: many threads, one runtime, a seeded mix of hostile and
//! normal MicroPython for minutes; exits non-zero on any wrong outcome,
//! panic, or RSS growth past the bound (`cargo xtask soak --minutes N`).

use std::process::ExitCode;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use clap::Parser;
use mpwasm_core::Runtime;
use mpwasm_soak::{SoakConfig, run_soak};

#[derive(Debug, Parser)]
#[command(
    version,
    about = "Soak the mpwasm sandbox: N threads x a random mix of hostile and normal runs on one runtime"
)]
struct Args {
    /// Minutes of the measured phase (added to --seconds; default 1 minute if neither is given).
    #[arg(long)]
    minutes: Option<f64>,
    /// Seconds of the measured phase (added to --minutes).
    #[arg(long)]
    seconds: Option<f64>,
    /// Worker threads sharing one runtime.
    #[arg(long, default_value_t = 4)]
    threads: usize,
    /// Seed of the probe mix [default: derived from the clock, printed].
    #[arg(long)]
    seed: Option<u64>,
    /// Warm-up seconds before the RSS baseline [default: 10% of the run, 5 to 60 s].
    #[arg(long)]
    warmup_seconds: Option<f64>,
    /// Fail if RSS grows by more than this many MiB after warm-up.
    #[arg(long, default_value_t = SoakConfig::DEFAULT_MAX_RSS_GROWTH_BYTES >> 20)]
    max_rss_growth_mib: u64,
    /// Print the report as JSON instead of text.
    #[arg(long)]
    json: bool,
}

fn seconds(what: &str, v: f64) -> Result<Duration, String> {
    Duration::try_from_secs_f64(v).map_err(|e| format!("{what} {v}: {e}"))
}

fn main() -> ExitCode {
    let args = Args::parse();
    match soak(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn soak(args: &Args) -> Result<bool, String> {
    let duration = match (args.minutes, args.seconds) {
        (None, None) => Duration::from_secs(60),
        (m, s) => {
            seconds("--minutes", m.unwrap_or(0.0) * 60.0)? + seconds("--seconds", s.unwrap_or(0.0))?
        }
    };
    if duration.is_zero() {
        return Err("the run must last longer than zero".into());
    }
    let warmup = match args.warmup_seconds {
        Some(w) => seconds("--warmup-seconds", w)?,
        None => (duration / 10).clamp(Duration::from_secs(5), Duration::from_secs(60)),
    };
    let seed = args.seed.unwrap_or_else(|| {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64)
    });
    let mut config = SoakConfig::new(args.threads, seed, warmup, duration);
    config.max_rss_growth_bytes = args.max_rss_growth_mib.saturating_mul(1 << 20);
    config.progress_every = Some(Duration::from_secs(60));
    let runtime = Runtime::new().map_err(|e| e.to_string())?;
    eprintln!(
        "soaking: {} threads, seed {seed}, warm-up {:.0} s, then {:.1} min",
        config.threads,
        warmup.as_secs_f64(),
        duration.as_secs_f64() / 60.0
    );
    let report = run_soak(&runtime, &config).map_err(|e| e.to_string())?;
    if args.json {
        let json = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        println!("{json}");
    } else {
        print!("{}", report.summary());
    }
    Ok(report.passed())
}

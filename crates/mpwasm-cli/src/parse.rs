//! Parsers for the command-line values: sizes with binary suffixes, fuel and
//! timeouts that can be switched off.

use std::time::Duration;

/// Parse a byte size: plain digits, or digits followed by `K`/`M`/`G` or
/// `KiB`/`MiB`/`GiB` (powers of 1024; the letters are case-insensitive, a
/// trailing `B` on its own means bytes). `_` may separate digits.
///
/// ```
/// use mpwasm_cli::parse::parse_size;
///
/// assert_eq!(parse_size("4096"), Ok(4096));
/// assert_eq!(parse_size("64K"), Ok(64 << 10));
/// assert_eq!(parse_size("16MiB"), Ok(16 << 20));
/// assert!(parse_size("12X").is_err());
/// ```
///
/// # Errors
///
/// The message clap shows: not a number, an unknown suffix, or too large.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '_'))
        .unwrap_or(text.len());
    let (digits, suffix) = text.split_at(split);
    let number = parse_digits(digits).ok_or_else(|| {
        format!("invalid size `{text}`: expected a number of bytes, optionally with K, M, G, KiB, MiB or GiB")
    })?;
    let shift = match suffix.trim_start().to_ascii_lowercase().as_str() {
        "" | "b" => 0,
        "k" | "kib" => 10,
        "m" | "mib" => 20,
        "g" | "gib" => 30,
        other => {
            return Err(format!(
                "invalid size suffix `{other}` in `{text}`: use K, M, G, KiB, MiB or GiB (powers of 1024)"
            ));
        }
    };
    number
        .checked_mul(1u64 << shift)
        .ok_or_else(|| format!("size `{text}` is too large"))
}

/// Parse a size that must fit in `usize` (an output cap).
///
/// # Errors
///
/// As [`parse_size`], and when the size does not fit in `usize`.
pub fn parse_size_usize(text: &str) -> Result<usize, String> {
    let bytes = parse_size(text)?;
    usize::try_from(bytes).map_err(|_| format!("size `{text}` is too large"))
}

/// Parse a fuel budget: a positive integer, or `none` for unmetered runs.
///
/// ```
/// use mpwasm_cli::parse::parse_fuel;
///
/// assert_eq!(parse_fuel("1_000_000"), Ok(Some(1_000_000)));
/// assert_eq!(parse_fuel("none"), Ok(None));
/// assert!(parse_fuel("0").is_err());
/// ```
///
/// # Errors
///
/// The message clap shows: not a number or `none`, or zero.
pub fn parse_fuel(text: &str) -> Result<Option<u64>, String> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    match parse_digits(text) {
        Some(0) => Err("fuel must be positive (use `none` for unmetered runs)".into()),
        Some(n) => Ok(Some(n)),
        None => Err(format!(
            "invalid fuel `{text}`: expected a positive integer or `none`"
        )),
    }
}

/// Parse a wall-clock timeout in seconds (a decimal number); `0` or `none`
/// disables it.
///
/// ```
/// use std::time::Duration;
/// use mpwasm_cli::parse::parse_timeout;
///
/// assert_eq!(parse_timeout("1.5"), Ok(Some(Duration::from_millis(1500))));
/// assert_eq!(parse_timeout("0"), Ok(None));
/// assert_eq!(parse_timeout("none"), Ok(None));
/// assert!(parse_timeout("-1").is_err());
/// ```
///
/// # Errors
///
/// The message clap shows: not a number of seconds or `none`, negative, or not finite.
pub fn parse_timeout(text: &str) -> Result<Option<Duration>, String> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    let invalid =
        || format!("invalid timeout `{text}`: expected seconds (e.g. 2.5), `0` or `none`");
    // Only plain decimal notation: no `inf`, `nan` or exponents.
    if text.is_empty() || !text.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Err(invalid());
    }
    let seconds: f64 = text.parse().map_err(|_| invalid())?;
    if seconds == 0.0 {
        return Ok(None);
    }
    let duration = Duration::try_from_secs_f64(seconds).map_err(|_| invalid())?;
    if duration > Duration::from_secs(365 * 24 * 3600) {
        return Err(format!("timeout `{text}` is longer than a year"));
    }
    Ok(Some(duration))
}

/// A grace period in seconds (`0` makes every limit a trap at once).
///
/// ```
/// use std::time::Duration;
/// use mpwasm_cli::parse::parse_grace;
///
/// assert_eq!(parse_grace("0.25"), Ok(Duration::from_millis(250)));
/// assert_eq!(parse_grace("0"), Ok(Duration::ZERO));
/// assert!(parse_grace("none").is_err());
/// ```
///
/// # Errors
///
/// A message naming the text when it is not plain decimal seconds, or is
/// longer than a year.
pub fn parse_grace(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    if text.trim_matches(|c| c == '0' || c == '.').is_empty() && !text.is_empty() {
        return Ok(Duration::ZERO);
    }
    match parse_timeout(text) {
        Ok(Some(d)) => Ok(d),
        _ => Err(format!(
            "invalid grace period `{text}`: expected seconds (e.g. 0.1) or `0`"
        )),
    }
}

/// Digits with optional `_` separators (not leading, not trailing).
fn parse_digits(text: &str) -> Option<u64> {
    if text.is_empty() || text.starts_with('_') || text.ends_with('_') {
        return None;
    }
    let mut value: u64 = 0;
    for c in text.chars() {
        if c == '_' {
            continue;
        }
        let digit = c.to_digit(10)?;
        value = value.checked_mul(10)?.checked_add(u64::from(digit))?;
    }
    Some(value)
}

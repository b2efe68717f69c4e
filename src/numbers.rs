//! Numbers as people read them: in messages (`figure`) and in reports and summaries
//! (`grouped`, with thousands separators).

/// A figure as people write it: no trailing `.0`, at most two decimals.
pub fn figure(value: f64) -> String {
    let cents = (value * 100.0).round();
    // Below 2^53 cents are an exact integer, printed without the float formatter's slow exact
    // path (which gives the same digits); -0 is left to the formatter, which prints its sign.
    if cents.abs() < 9_007_199_254_740_992.0 && !(cents == 0.0 && cents.is_sign_negative()) {
        let cents = cents as i64;
        let (whole, fraction) = (cents / 100, (cents % 100).unsigned_abs());
        let sign = if cents < 0 && whole == 0 { "-" } else { "" };
        return match fraction {
            0 => format!("{whole}"),
            f if f % 10 == 0 => format!("{sign}{whole}.{}", f / 10),
            f => format!("{sign}{whole}.{f:02}"),
        };
    }
    let rounded = cents / 100.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        let text = format!("{rounded:.2}");
        text.trim_end_matches('0').to_string()
    }
}

/// `1234567.5` → `1,234,567.5`; whole numbers without decimals, others with at most two. Any
/// finite value prints in full (1e20 is 100,000,000,000,000,000,000); one that is not finite
/// says so, since no sum of real amounts can be.
pub fn grouped(value: f64) -> String {
    if !value.is_finite() {
        return "not a finite number".into();
    }
    let rounded = (value * 100.0).round() / 100.0;
    // Past 2^53 a float has no cents to show, and scaling by 100 could overflow.
    let rounded = if rounded.is_finite() { rounded } else { value };
    let negative = rounded < 0.0;
    let absolute = rounded.abs();
    let cents = ((absolute - absolute.trunc()) * 100.0).round() as u64;
    let whole = absolute.trunc();
    // Below 2^53 the whole part is an exact integer, printed without the float formatter's
    // slow exact path; above it, the float formatter prints every digit.
    let digits = if whole < 9_007_199_254_740_992.0 {
        (whole as u64).to_string()
    } else {
        format!("{whole:.0}")
    };
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 4);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let sign = if negative { "-" } else { "" };
    match cents {
        0 => format!("{sign}{grouped}"),
        c if c % 10 == 0 => format!("{sign}{grouped}.{}", c / 10),
        c => format!("{sign}{grouped}.{c:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_as_written() {
        // Every figure as the float formatter writes it, fast path or not.
        let slow = |value: f64| {
            let rounded = (value * 100.0).round() / 100.0;
            if rounded.fract() == 0.0 {
                format!("{rounded:.0}")
            } else {
                format!("{rounded:.2}").trim_end_matches('0').to_string()
            }
        };
        for value in [
            0.0,
            -0.0,
            -0.001,
            0.004,
            0.005,
            -0.25,
            -1.5,
            1.05,
            2.675,
            99.999,
            -99.995,
            1e15,
            -123_456.78,
            9.007e13,
            4.5e15,
            1e17,
            -1e300,
            0.1 + 0.2,
            172_800.0,
        ] {
            assert_eq!(figure(value), slow(value), "{value}");
        }
        assert_eq!(figure(120.0), "120");
        assert_eq!(figure(3.65), "3.65");
        assert_eq!(figure(0.1 + 0.2), "0.3");
    }

    #[test]
    fn numbers_are_grouped_and_rounded() {
        assert_eq!(grouped(1_234_567.5), "1,234,567.5");
        assert_eq!(grouped(-1800.0), "-1,800");
        assert_eq!(grouped(0.456), "0.46");
        assert_eq!(grouped(999.0), "999");
        assert_eq!(grouped(f64::NAN), "not a finite number");
        assert_eq!(grouped(1e20), "100,000,000,000,000,000,000");
        assert_eq!(grouped(-1.8e19), "-18,000,000,000,000,000,000");
        assert!(grouped(f64::MAX).starts_with("179,769,313,486,231,"));
    }
}

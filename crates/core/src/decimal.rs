//! Exact decimal amounts (money in 万元 / 元, areas, percents, fund units). Values travel as
//! strings and are never binary floats (SPEC §2.1, §6.6). Internally a value is an integer count of
//! 1/10 000 units, which covers every unit SPEC names (at most 4 decimals).

use std::fmt;

/// Fixed-point scale: four decimals.
const SCALE: i128 = 10_000;

/// A non-negative decimal with at most four decimals, exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Decimal {
    scaled: i128,
}

/// Why a text is not an acceptable decimal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalError {
    /// Empty, signs, exponents, separators, letters, a leading zero such as `012`, or a lone `.`.
    Format,
    /// A minus sign: amounts are never negative here.
    Negative,
    /// More integer digits than the type allows.
    TooManyIntegerDigits,
    /// More decimals than allowed.
    TooManyDecimals,
}

impl Decimal {
    /// Zero.
    pub const ZERO: Decimal = Decimal { scaled: 0 };

    /// Parses `^(0|[1-9]\d{0,max_int-1})(\.\d{1,max_dec})?$` (SPEC §2.1 money, area, percent).
    pub fn parse(s: &str, max_int_digits: usize, max_decimals: usize) -> Result<Decimal, DecimalError> {
        let max_decimals = max_decimals.min(4);
        if s.starts_with('-') {
            return Err(DecimalError::Negative);
        }
        let (int, frac) = match s.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (s, None),
        };
        if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DecimalError::Format);
        }
        if int.len() > 1 && int.starts_with('0') {
            return Err(DecimalError::Format);
        }
        if int.len() > max_int_digits.min(20) {
            return Err(DecimalError::TooManyIntegerDigits);
        }
        // Digits are gathered in u64 (at most 20 integer digits fit unless they exceed u64::MAX,
        // which the i128 path takes) and scaled once: i128 multiplication and division are
        // library calls in WebAssembly, and this runs for every amount cell.
        let mut scaled: i128 = match int.len() {
            0..=19 => int.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0')) as i128,
            _ => int.bytes().fold(0i128, |n, b| n * 10 + i128::from(b - b'0')),
        } * SCALE;
        if let Some(frac) = frac {
            if frac.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit()) {
                return Err(DecimalError::Format);
            }
            if frac.len() > max_decimals {
                return Err(DecimalError::TooManyDecimals);
            }
            // At most four digits, padded to four: 1/10 000 units.
            let digits = frac.bytes().fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
            let pad = [1u32, 10, 100, 1000, 10_000][4 - frac.len()];
            scaled += i128::from(digits * pad);
        }
        Ok(Decimal { scaled })
    }

    /// A whole number.
    pub fn from_int(n: u64) -> Decimal {
        Decimal { scaled: n as i128 * SCALE }
    }

    /// Exact sum.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        self.scaled.checked_add(other.scaled).map(|scaled| Decimal { scaled })
    }

    /// Whether the value is zero.
    pub fn is_zero(self) -> bool {
        self.scaled == 0
    }

    /// Formats with exactly `decimals` places, rounding half up (`12.3` → `12.30`).
    pub fn format(self, decimals: usize) -> String {
        let decimals = decimals.min(4);
        let unit = SCALE / 10i128.pow(decimals as u32);
        let rounded = (self.scaled + unit / 2) / unit;
        let pow = 10i128.pow(decimals as u32);
        if decimals == 0 {
            return rounded.to_string();
        }
        format!("{}.{:0width$}", rounded / pow, rounded % pow, width = decimals)
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let int = self.scaled / SCALE;
        let mut frac = self.scaled % SCALE;
        if frac == 0 {
            return write!(f, "{int}");
        }
        let mut width = 4;
        while frac % 10 == 0 {
            frac /= 10;
            width -= 1;
        }
        write!(f, "{int}.{frac:0width$}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<Decimal, DecimalError> {
        Decimal::parse(s, 10, 2)
    }

    #[test]
    fn accepts_the_spec_money_pattern() {
        for ok in ["0", "0.5", "0.05", "12.3", "12.30", "1234567890.99"] {
            assert!(p(ok).is_ok(), "{ok}");
        }
        assert_eq!(p("12.3").unwrap(), p("12.30").unwrap());
        assert_eq!(p("12.3").unwrap().format(2), "12.30");
        assert_eq!(p("12.3").unwrap().to_string(), "12.3");
    }

    #[test]
    fn rejects_floats_signs_and_separators() {
        assert_eq!(p("-1"), Err(DecimalError::Negative));
        assert_eq!(p("1.234"), Err(DecimalError::TooManyDecimals));
        assert_eq!(p("12345678901"), Err(DecimalError::TooManyIntegerDigits));
        for bad in ["", ".", "1.", ".5", "01", "1e3", "1,000", "+1", " 1", "１", "NaN", "1.2.3"] {
            assert_eq!(p(bad), Err(DecimalError::Format), "{bad:?}");
        }
    }

    #[test]
    fn sums_exactly() {
        let sum = ["0.10", "0.20", "0.30"].iter().fold(Decimal::ZERO, |acc, s| acc.checked_add(p(s).unwrap()).unwrap());
        assert_eq!(sum, p("0.6").unwrap());
        assert_eq!(Decimal::parse("99.9999", 3, 4).unwrap().format(2), "100.00");
    }

    #[test]
    fn scales_every_digit_count() {
        // One to four decimals are padded to the same 1/10 000 units.
        assert_eq!(Decimal::parse("1.5", 3, 4), Decimal::parse("1.5000", 3, 4));
        assert_eq!(Decimal::parse("1.05", 3, 4).unwrap().to_string(), "1.05");
        assert_eq!(Decimal::parse("0.0001", 3, 4).unwrap().format(4), "0.0001");
        // 19 integer digits take the u64 path, 20 the i128 one; both are exact.
        let big19 = Decimal::parse("9999999999999999999.99", 20, 2).unwrap();
        let big20 = Decimal::parse("99999999999999999999.99", 20, 2).unwrap();
        assert_eq!(big19.format(2), "9999999999999999999.99");
        assert_eq!(big20.format(2), "99999999999999999999.99");
        assert!(big20 > big19);
    }
}

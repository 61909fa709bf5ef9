//! Regular expressions for template `pattern`s and the configured document number formats
//! (SPEC §6.4–6.5): the syntax of regex-lite (which this replaced, for 9 KB of WebAssembly)
//! that such patterns use, matched in time linear in the text (a Thompson NFA simulated
//! breadth-first: no backtracking, whatever the pattern).
//!
//! Supported: literals; `.` (any character but `\n`); `^` and `$` (start and end of the text);
//! classes `[...]` and `[^...]` with ranges; `\d \D \w \W \s \S` (ASCII, as in regex-lite) in and
//! out of classes; escaped punctuation and `\n \r \t`; groups `(...)` and `(?:...)`; `|`;
//! `* + ?` and `{n}`, `{n,}`, `{n,m}` (a trailing `?` for laziness is accepted: it cannot change
//! whether a text matches). Anything else (flags, `\b`, Unicode classes, backreferences) is
//! refused with a message, never guessed.

/// A compiled pattern.
#[derive(Debug, Clone)]
pub struct Pattern {
    prog: Vec<Inst>,
}

/// Why a pattern does not compile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError(pub String);

impl std::fmt::Display for PatternError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Upper bound on a repetition count and on the compiled size, as regex-lite has.
const MAX_REPEAT: u32 = 1000;
const MAX_INSTS: usize = 50_000;
/// Upper bound on nested groups: parsing and compiling recurse once per level.
const MAX_DEPTH: usize = 64;

#[derive(Debug, Clone)]
enum Inst {
    Char(char),
    Any,
    Class { ranges: Vec<(char, char)>, negated: bool },
    Start,
    End,
    Split(usize, usize),
    Jmp(usize),
    Match,
}

/// The parsed form, before compiling.
#[derive(Debug, Clone)]
enum Node {
    Empty,
    Char(char),
    Any,
    Class { ranges: Vec<(char, char)>, negated: bool },
    Start,
    End,
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat { node: Box<Node>, min: u32, max: Option<u32> },
}

impl Pattern {
    /// Compiles `src`.
    pub fn new(src: &str) -> Result<Pattern, PatternError> {
        let mut p = Parser { chars: src.chars().collect(), pos: 0, depth: 0 };
        let node = p.alternation()?;
        if p.pos < p.chars.len() {
            return Err(PatternError(format!("unmatched `)` at character {}", p.pos + 1)));
        }
        let mut c = Compiler { prog: Vec::new() };
        c.node(&node)?;
        c.push(Inst::Match)?;
        Ok(Pattern { prog: c.prog })
    }

    /// Whether the pattern matches anywhere in `text` (anchor it with `^…$` for the whole text).
    pub fn is_match(&self, text: &str) -> bool {
        let n = self.prog.len();
        let mut current: Vec<usize> = Vec::with_capacity(n);
        let mut next: Vec<usize> = Vec::with_capacity(n);
        let mut stack: Vec<usize> = Vec::new();
        // seen[pc] == p: pc is already among the states at text position p.
        let mut seen = vec![usize::MAX; n];
        let chars: Vec<char> = text.chars().collect();
        for at in 0..=chars.len() {
            // A match may start at every position.
            if self.add(&mut current, &mut seen, &mut stack, 0, at, chars.len()) {
                return true;
            }
            let Some(&c) = chars.get(at) else { break };
            next.clear();
            for &pc in &current {
                let step = match &self.prog[pc] {
                    Inst::Char(x) => *x == c,
                    Inst::Any => c != '\n',
                    Inst::Class { ranges, negated } => ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi) != *negated,
                    _ => false,
                };
                if step && self.add(&mut next, &mut seen, &mut stack, pc + 1, at + 1, chars.len()) {
                    return true;
                }
            }
            std::mem::swap(&mut current, &mut next);
        }
        false
    }

    /// Adds `pc` and every state reachable from it without reading a character to `list`, as
    /// states at text position `at`; returns true when that reaches `Match`.
    fn add(&self, list: &mut Vec<usize>, seen: &mut [usize], stack: &mut Vec<usize>, pc: usize, at: usize, len: usize) -> bool {
        stack.clear();
        stack.push(pc);
        while let Some(pc) = stack.pop() {
            if seen[pc] == at {
                continue;
            }
            seen[pc] = at;
            match self.prog[pc] {
                Inst::Match => return true,
                Inst::Jmp(t) => stack.push(t),
                Inst::Split(a, b) => {
                    stack.push(b);
                    stack.push(a);
                }
                Inst::Start => {
                    if at == 0 {
                        stack.push(pc + 1);
                    }
                }
                Inst::End => {
                    if at == len {
                        stack.push(pc + 1);
                    }
                }
                _ => list.push(pc),
            }
        }
        false
    }
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
    depth: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn err<T>(&self, what: &str) -> Result<T, PatternError> {
        Err(PatternError(format!("{what} at character {}", self.pos.min(self.chars.len()) + 1)))
    }

    fn alternation(&mut self) -> Result<Node, PatternError> {
        let mut alts = vec![self.concat()?];
        while self.peek() == Some('|') {
            self.pos += 1;
            alts.push(self.concat()?);
        }
        Ok(if alts.len() == 1 { alts.pop().unwrap_or(Node::Empty) } else { Node::Alt(alts) })
    }

    fn concat(&mut self) -> Result<Node, PatternError> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom()?;
            items.push(self.quantified(atom)?);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        })
    }

    fn quantified(&mut self, atom: Node) -> Result<Node, PatternError> {
        let (min, max) = match self.peek() {
            Some('{') => self.counted()?,
            Some(op @ ('*' | '+' | '?')) => {
                self.pos += 1;
                match op {
                    '*' => (0, None),
                    '+' => (1, None),
                    _ => (0, Some(1)),
                }
            }
            _ => return Ok(atom),
        };
        if matches!(atom, Node::Start | Node::End | Node::Empty) {
            return self.err("nothing to repeat");
        }
        if self.peek() == Some('?') {
            self.pos += 1; // lazy: the same set of matching texts
        }
        if matches!(self.peek(), Some('*' | '+' | '?' | '{')) {
            return self.err("a repetition cannot be repeated");
        }
        Ok(Node::Repeat { node: Box::new(atom), min, max })
    }

    /// `{n}`, `{n,}` or `{n,m}` at the cursor (consumed).
    fn counted(&mut self) -> Result<(u32, Option<u32>), PatternError> {
        let start = self.pos;
        self.pos += 1;
        let number = |p: &mut Parser| -> Option<u32> {
            let from = p.pos;
            while p.peek().is_some_and(|c| c.is_ascii_digit()) {
                p.pos += 1;
            }
            if p.pos == from {
                return None;
            }
            p.chars[from..p.pos].iter().collect::<String>().parse().ok()
        };
        let Some(min) = number(self) else {
            return self.err("a counted repetition needs a number, as in {3} or {2,5}");
        };
        let max = if self.peek() == Some(',') {
            self.pos += 1;
            if self.peek() == Some('}') {
                None
            } else {
                Some(number(self).map_or_else(|| self.err("a counted repetition needs a number after `,`"), Ok)?)
            }
        } else {
            Some(min)
        };
        if self.peek() != Some('}') {
            self.pos = start;
            return self.err("unclosed counted repetition");
        }
        self.pos += 1;
        if min > MAX_REPEAT || max.is_some_and(|m| m > MAX_REPEAT) {
            return self.err(&format!("a repetition count above {MAX_REPEAT}"));
        }
        if max.is_some_and(|m| m < min) {
            return self.err("a counted repetition whose maximum is below its minimum");
        }
        Ok((min, max))
    }

    fn atom(&mut self) -> Result<Node, PatternError> {
        let Some(c) = self.peek() else { return self.err("unexpected end") };
        self.pos += 1;
        match c {
            '.' => Ok(Node::Any),
            '^' => Ok(Node::Start),
            '$' => Ok(Node::End),
            '(' => {
                if self.peek() == Some('?') {
                    if self.chars.get(self.pos + 1) == Some(&':') {
                        self.pos += 2;
                    } else {
                        return self.err("flags and other `(?` groups are not supported");
                    }
                }
                if self.depth >= MAX_DEPTH {
                    return self.err(&format!("groups nested more than {MAX_DEPTH} deep"));
                }
                self.depth += 1;
                let inner = self.alternation()?;
                self.depth -= 1;
                if self.peek() != Some(')') {
                    return self.err("unclosed group");
                }
                self.pos += 1;
                Ok(inner)
            }
            ')' => self.err("unmatched `)`"),
            '[' => self.class(),
            '\\' => match self.escape()? {
                Esc::Char(c) => Ok(Node::Char(c)),
                Esc::Class(ranges, negated) => Ok(Node::Class { ranges, negated }),
            },
            '*' | '+' | '?' => {
                self.pos -= 1;
                self.err("nothing to repeat")
            }
            c => Ok(Node::Char(c)),
        }
    }

    /// After `\`.
    fn escape(&mut self) -> Result<Esc, PatternError> {
        let Some(c) = self.peek() else { return self.err("a pattern cannot end with `\\`") };
        self.pos += 1;
        let perl = |ranges: &[(char, char)], negated: bool| Ok(Esc::Class(ranges.to_vec(), negated));
        match c {
            'd' => perl(DIGIT, false),
            'D' => perl(DIGIT, true),
            'w' => perl(WORD, false),
            'W' => perl(WORD, true),
            's' => perl(SPACE, false),
            'S' => perl(SPACE, true),
            'n' => Ok(Esc::Char('\n')),
            'r' => Ok(Esc::Char('\r')),
            't' => Ok(Esc::Char('\t')),
            // In regex-lite (and the regex crate) `\<` and `\>` are word boundaries, not literals.
            '<' | '>' => {
                self.pos -= 1;
                self.err(&format!("the escape `\\{c}` (a word boundary) is not supported"))
            }
            c if c.is_ascii_punctuation() || c == ' ' => Ok(Esc::Char(c)),
            c => {
                self.pos -= 1;
                self.err(&format!("the escape `\\{c}` is not supported"))
            }
        }
    }

    /// After `[`.
    fn class(&mut self) -> Result<Node, PatternError> {
        let negated = self.peek() == Some('^');
        if negated {
            self.pos += 1;
        }
        let mut ranges: Vec<(char, char)> = Vec::new();
        let mut first = true;
        loop {
            let Some(c) = self.peek() else { return self.err("unclosed character class") };
            self.pos += 1;
            if c == ']' && !first {
                break;
            }
            first = false;
            let lo = match c {
                '\\' => match self.escape()? {
                    Esc::Char(c) => c,
                    Esc::Class(rs, false) => {
                        ranges.extend(rs);
                        continue;
                    }
                    Esc::Class(rs, true) => {
                        ranges.extend(complement(&rs));
                        continue;
                    }
                },
                '[' => return self.err("nested classes and `[:name:]` are not supported"),
                c => c,
            };
            if self.peek() == Some('-') && self.chars.get(self.pos + 1).is_some_and(|&n| n != ']') {
                self.pos += 1;
                let Some(hi) = self.peek() else { return self.err("unclosed character class") };
                self.pos += 1;
                let hi = if hi == '\\' {
                    match self.escape()? {
                        Esc::Char(c) => c,
                        Esc::Class(..) => return self.err("a range cannot end in a class such as \\d"),
                    }
                } else {
                    hi
                };
                if hi < lo {
                    return self.err("a class range whose end is before its start");
                }
                ranges.push((lo, hi));
            } else {
                ranges.push((lo, lo));
            }
        }
        Ok(Node::Class { ranges, negated })
    }
}

enum Esc {
    Char(char),
    Class(Vec<(char, char)>, bool),
}

const DIGIT: &[(char, char)] = &[('0', '9')];
const WORD: &[(char, char)] = &[('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')];
const SPACE: &[(char, char)] = &[('\t', '\r'), (' ', ' ')];

/// The characters not in `ranges` (sorted, disjoint, as the constants above are).
fn complement(ranges: &[(char, char)]) -> Vec<(char, char)> {
    let mut out = Vec::new();
    let mut next = '\0';
    for &(lo, hi) in ranges {
        if lo > next {
            if let Some(before) = char::from_u32(lo as u32 - 1) {
                out.push((next, before));
            }
        }
        next = char::from_u32(hi as u32 + 1).unwrap_or(char::MAX);
    }
    out.push((next, char::MAX));
    out
}

struct Compiler {
    prog: Vec<Inst>,
}

impl Compiler {
    fn push(&mut self, i: Inst) -> Result<usize, PatternError> {
        if self.prog.len() >= MAX_INSTS {
            return Err(PatternError("the pattern is too large".into()));
        }
        self.prog.push(i);
        Ok(self.prog.len() - 1)
    }

    fn node(&mut self, n: &Node) -> Result<(), PatternError> {
        match n {
            Node::Empty => {}
            Node::Char(c) => {
                self.push(Inst::Char(*c))?;
            }
            Node::Any => {
                self.push(Inst::Any)?;
            }
            Node::Class { ranges, negated } => {
                self.push(Inst::Class { ranges: ranges.clone(), negated: *negated })?;
            }
            Node::Start => {
                self.push(Inst::Start)?;
            }
            Node::End => {
                self.push(Inst::End)?;
            }
            Node::Concat(items) => {
                for i in items {
                    self.node(i)?;
                }
            }
            Node::Alt(alts) => {
                // split L1, next; L1: a; jmp end; next: split L2, … ; last alternative.
                let mut jumps = Vec::new();
                for (k, a) in alts.iter().enumerate() {
                    if k + 1 < alts.len() {
                        let split = self.push(Inst::Split(0, 0))?;
                        self.node(a)?;
                        jumps.push(self.push(Inst::Jmp(0))?);
                        let here = self.prog.len();
                        self.prog[split] = Inst::Split(split + 1, here);
                    } else {
                        self.node(a)?;
                    }
                }
                let end = self.prog.len();
                for j in jumps {
                    self.prog[j] = Inst::Jmp(end);
                }
            }
            Node::Repeat { node, min, max } => {
                for _ in 0..*min {
                    self.node(node)?;
                }
                match max {
                    None => {
                        // L: split body, out; body; jmp L
                        let split = self.push(Inst::Split(0, 0))?;
                        self.node(node)?;
                        self.push(Inst::Jmp(split))?;
                        let out = self.prog.len();
                        self.prog[split] = Inst::Split(split + 1, out);
                    }
                    Some(max) => {
                        // (body)? repeated max − min times, each skipping to the end.
                        let mut splits = Vec::new();
                        for _ in *min..*max {
                            splits.push(self.push(Inst::Split(0, 0))?);
                            self.node(node)?;
                        }
                        let out = self.prog.len();
                        for s in splits {
                            self.prog[s] = Inst::Split(s + 1, out);
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Pattern;

    fn m(p: &str, t: &str) -> bool {
        Pattern::new(p).unwrap_or_else(|e| panic!("{p}: {e}")).is_match(t)
    }

    #[test]
    fn the_configured_document_patterns() {
        assert!(m(r"^E\d{8}$", "E12345678"));
        assert!(!m(r"^E\d{8}$", "E1234567"));
        assert!(!m(r"^E\d{8}$", "E123456789"));
        assert!(m(r"^E[A-HJ-NP-Z]\d{7}$", "EA1234567"));
        assert!(!m(r"^E[A-HJ-NP-Z]\d{7}$", "EI1234567"));
        assert!(m(r"^(PE|SE|DE)\d{7}$", "SE1234567"));
        assert!(!m(r"^(PE|SE|DE)\d{7}$", "XE1234567"));
        assert!(m(r"^[PSD]\d{7,8}$", "P12345678") && m(r"^[PSD]\d{7,8}$", "P1234567") && !m(r"^[PSD]\d{7,8}$", "P123456"));
        assert!(
            m(r"^[HM]\d{8}(\d{2})?$", "H1234567890") && m(r"^[HM]\d{8}(\d{2})?$", "H12345678") && !m(r"^[HM]\d{8}(\d{2})?$", "H123456789")
        );
        assert!(m(r"^[0-9A-Z]{10,12}$", "ABCDE12345") && !m(r"^[0-9A-Z]{10,12}$", "abcde12345"));
        assert!(m("^[^#]*$", "一二三") && !m("^[^#]*$", "一#三") && m("^[^#]*$", ""));
    }

    #[test]
    fn unanchored_patterns_search() {
        assert!(m("b+", "aabbb"));
        assert!(!m("x", "aabbb"));
        assert!(m("", "anything"));
        assert!(m("a|^b", "cba") && !m("^b", "cb"));
        assert!(m(r"\d$", "ab1") && !m(r"\d$", "1ab"));
    }

    #[test]
    fn classes_escapes_and_repetition() {
        assert!(m(r"^[\d.]+$", "1.5") && !m(r"^[\d.]+$", "1,5"));
        assert!(m(r"^[^\d]+$", "abc") && !m(r"^[^\d]+$", "a1"));
        assert!(m(r"^[\D]+$", "abc") && !m(r"^[\D]$", "1"));
        assert!(m(r"^\w+\s\S$", "a_1 x"));
        assert!(m(r"^a.c$", "a中c") && !m(r"^a.c$", "a\nc"));
        assert!(m(r"^(?:ab){2,}$", "ababab") && !m(r"^(?:ab){2,}$", "ab"));
        assert!(m(r"^a{0}b$", "b"));
        assert!(m(r"^[-a]+$", "-a-") && m(r"^[a-]+$", "a-") && m(r"^[]a]+$", "]a"));
        assert!(m(r"^\.\*\+\?\(\)\[\]\{\}\|\\\^\$\-\/ $", r".*+?()[]{}|\^$-/ "));
        assert!(m(r"^a+?b*?c??$", "aab"));
        assert!(m(r"^a{2,3}?$", "aaa") && !m(r"^a{2,3}?$", "a"));
        assert!(m(r"^[一-龥]{2,4}$", "张三") && !m(r"^[一-龥]{2,4}$", "张"));
    }

    #[test]
    fn bad_patterns_are_refused_with_a_reason() {
        for bad in [
            "(",
            ")",
            "a)",
            "[a",
            "[b-a]",
            "*a",
            "a**",
            "a{2}*",
            "a+{2}",
            "a{2}{3}",
            "a{2",
            "a{x}",
            "a{3,2}",
            "a{1001}",
            r"\",
            r"\p{Han}",
            r"\bword",
            r"\<a",
            r"a\>",
            "(?i)a",
            "[[:alpha:]]",
            "^*",
        ] {
            let e = Pattern::new(bad).expect_err(bad);
            assert!(!e.0.is_empty(), "{bad}");
        }
    }

    #[test]
    fn deep_nesting_and_huge_repetition_are_refused_not_overflowed() {
        let deep = format!("{}a{}", "(".repeat(10_000), ")".repeat(10_000));
        assert!(Pattern::new(&deep).is_err());
        assert!(Pattern::new(&format!("{}a{}", "(".repeat(60), ")".repeat(60))).is_ok());
        assert!(Pattern::new("((a{1000}){1000}){1000}").is_err(), "too large to compile");
    }

    #[test]
    fn matching_time_is_linear() {
        // (a*)*b on a long run of a's: exponential for a backtracker.
        let p = Pattern::new("^(a*)*b$").expect("compiles");
        assert!(!p.is_match(&"a".repeat(5000)));
    }
}

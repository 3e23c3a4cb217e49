//! The placeholder syntax: how a translation unit's markup travels as text.
//!
//! A unit is XML-escaped plain text in which markup is replaced by numbered
//! placeholders, and several modules read and write that form: `segment`
//! writes it from a page and puts the page's tags back for it, `protect`
//! adds its own placeholders for tokens MT must not touch, providers carry it
//! through machine translation, the QA gate checks that a translation kept
//! it, `review` turns it into what translators type and back, and `exchange`
//! maps it to XLIFF inline codes. The syntax is a contract between all of
//! them, so it lives here, in one place that depends on nothing else.
//!
//! Text is escaped as XML, `&`, `<` and `>` only (`&amp;`, `&lt;`, `&gt;`).
//! Placeholders are numbered per unit from 1, one counter shared by all kinds:
//!
//! * `<b1>…</b1>`: a pair (an inline element with its content).
//! * `<x2/>`: something kept as it is, with nothing translatable inside.
//! * `<p3/>`: a protected token, owned by `protect`.
//!
//! Providers sometimes write `<x2 />`; that is accepted everywhere. Any other
//! `<` that does not start something shaped like a placeholder is text, and
//! so is an `&` that starts no known XML reference.
//!
//! Everything here runs in time linear in the length of the text, whatever
//! the number of placeholders: a unit can carry tens of thousands of them
//! (a paragraph of 50,000 `<b>`), and every translation of it is checked.

use std::collections::HashMap;
use std::fmt;

/// The kind of a placeholder, by its letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceholderKind {
    /// `<bN>…</bN>`: a paired inline element.
    Paired,
    /// `<xN/>`: markup kept verbatim.
    Void,
    /// `<pN/>`: a protected token (owned by the `protect` module).
    Protected,
}

impl PlaceholderKind {
    /// The letter that names this kind in the text: `b`, `x` or `p`.
    #[must_use]
    pub fn letter(self) -> char {
        match self {
            Self::Paired => 'b',
            Self::Void => 'x',
            Self::Protected => 'p',
        }
    }

    fn from_letter(letter: u8) -> Option<Self> {
        match letter {
            b'b' => Some(Self::Paired),
            b'x' => Some(Self::Void),
            b'p' => Some(Self::Protected),
            _ => None,
        }
    }
}

/// A placeholder, displayed as in the text: `b1`, `x2`, `p3`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Placeholder {
    /// Its letter.
    pub kind: PlaceholderKind,
    /// Its number (from 1).
    pub id: u32,
}

impl Placeholder {
    /// `<bN>…</bN>`.
    #[must_use]
    pub fn paired(id: u32) -> Self {
        Self {
            kind: PlaceholderKind::Paired,
            id,
        }
    }

    /// `<xN/>`.
    #[must_use]
    pub fn void(id: u32) -> Self {
        Self {
            kind: PlaceholderKind::Void,
            id,
        }
    }

    /// `<pN/>`.
    #[must_use]
    pub fn protected(id: u32) -> Self {
        Self {
            kind: PlaceholderKind::Protected,
            id,
        }
    }
}

impl fmt::Display for Placeholder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.kind.letter(), self.id)
    }
}

/// Why a translated text does not match its source (see [`check_placeholders`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PlaceholderError {
    /// In the source, not in the translation.
    #[error("placeholder {0} is missing")]
    Missing(Placeholder),
    /// In the translation, not in the source (or with another letter).
    #[error("placeholder {0} is not in the source")]
    Extra(Placeholder),
    /// More than once in the translation.
    #[error("placeholder {0} appears more than once")]
    Duplicated(Placeholder),
    /// `<bN>` opened and never closed.
    #[error("placeholder {0} is opened but not closed")]
    Unclosed(Placeholder),
    /// `</bN>` without its `<bN>` before it.
    #[error("placeholder {0} is closed but not open")]
    UnexpectedClose(Placeholder),
    /// `</bN>` while another pair opened inside it is still open
    /// (`<b1><b2></b1></b2>`).
    #[error("placeholder {found} is closed while {expected} is still open inside it")]
    Misnested {
        /// The innermost open pair, which had to be closed first.
        expected: Placeholder,
        /// The pair that was closed.
        found: Placeholder,
    },
    /// A pair moved into or out of another pair (`<b1>a</b1><b2>b</b2>`
    /// becoming `<b1>a<b2>b</b2></b1>`). Refused because it can nest a link in
    /// a link, which the HTML parser splits apart.
    #[error("placeholder {placeholder} moved from inside {expected:?} to inside {found:?}")]
    Moved {
        /// The pair that moved.
        placeholder: Placeholder,
        /// Its enclosing pair in the source.
        expected: Option<Placeholder>,
        /// Its enclosing pair in the translation.
        found: Option<Placeholder>,
    },
    /// Something shaped like a placeholder that is not one: `<x1>`, `</x1>`,
    /// `<b1/>`, `<b01>`.
    #[error("malformed placeholder {0:?}")]
    Malformed(String),
    /// The source text itself is not valid placeholder text.
    #[error("the source text is not valid placeholder text")]
    InvalidSource,
}

/// One piece of placeholder-form text, from [`pieces`].
///
/// Displayed in placeholder form: text as it is (still escaped), placeholders
/// in their canonical spelling (`<x2/>`, never `<x2 />`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text, still XML-escaped (see [`unescape_text`]).
    Text(&'a str),
    /// `<bN>`.
    Open(u32),
    /// `</bN>`.
    Close(u32),
    /// `<xN/>`.
    Void(u32),
    /// `<pN/>`.
    Protected(u32),
}

impl fmt::Display for Piece<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Text(text) => f.write_str(text),
            Self::Open(id) => write!(f, "<b{id}>"),
            Self::Close(id) => write!(f, "</b{id}>"),
            Self::Void(id) => write!(f, "<x{id}/>"),
            Self::Protected(id) => write!(f, "<p{id}/>"),
        }
    }
}

/// Splits placeholder-form text into text and placeholders.
///
/// Lenient where it can be: a `<` that does not start something shaped like a
/// placeholder (`<script>`, `a < b`) is text, and so is an `&` that starts no
/// known reference. `<x1/>` and `<x1 />` are both accepted.
///
/// # Errors
///
/// [`PlaceholderError::Malformed`] for a placeholder-shaped tag with the wrong
/// form: `<x1>`, `</x1>`, `<b1/>`, `</p1>`, `<b0>`, `<b01>`.
pub fn pieces(text: &str) -> Result<Vec<Piece<'_>>, PlaceholderError> {
    Pieces::new(text).collect()
}

/// The pieces of a text one at a time, as [`pieces`] returns them; stops
/// after the first error.
#[derive(Debug, Clone)]
pub struct Pieces<'a> {
    text: &'a str,
    pos: usize,
    /// A placeholder found after a text piece, returned next.
    pending: Option<Piece<'a>>,
}

impl<'a> Pieces<'a> {
    /// Starts at the beginning of `text`.
    #[must_use]
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            pos: 0,
            pending: None,
        }
    }
}

impl<'a> Iterator for Pieces<'a> {
    type Item = Result<Piece<'a>, PlaceholderError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(piece) = self.pending.take() {
            return Some(Ok(piece));
        }
        let bytes = self.text.as_bytes();
        let text_start = self.pos;
        if text_start >= bytes.len() {
            return None;
        }
        let mut i = text_start;
        while let Some(off) = bytes
            .get(i..)
            .and_then(|rest| rest.iter().position(|&b| b == b'<'))
        {
            let lt = i + off;
            if let Some(tag) = tag_at(self.text, lt) {
                let end = lt + tag.len;
                self.pos = end;
                let Some(piece) = tag.piece() else {
                    self.pos = bytes.len();
                    let tag = self.text.get(lt..end).unwrap_or_default().to_owned();
                    return Some(Err(PlaceholderError::Malformed(tag)));
                };
                if lt == text_start {
                    return Some(Ok(piece));
                }
                self.pending = Some(piece);
                return Some(Ok(Piece::Text(
                    self.text.get(text_start..lt).unwrap_or_default(),
                )));
            }
            i = lt + 1;
        }
        self.pos = bytes.len();
        Some(Ok(Piece::Text(
            self.text.get(text_start..).unwrap_or_default(),
        )))
    }
}

/// A tag shaped like a placeholder, `</?[bxp]\d+ */?>`, valid or not: what
/// [`tag_at`] finds. [`Tag::piece`] says whether it is a placeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tag<'a> {
    /// By its letter.
    pub kind: PlaceholderKind,
    /// `</…`.
    pub closing: bool,
    /// `…/>`.
    pub self_closing: bool,
    /// The digits, as written (`01` included).
    pub digits: &'a str,
    /// Length in bytes, from `<` to `>`.
    pub len: usize,
}

impl Tag<'_> {
    /// The placeholder this tag is, or `None` when it has the wrong form
    /// (`<x1>`, `</x1>`, `<b1/>`, `<b0>`, `<b01>`).
    #[must_use]
    pub fn piece(&self) -> Option<Piece<'static>> {
        let id = parse_id(self.digits.as_bytes())?;
        match (self.kind, self.closing, self.self_closing) {
            (PlaceholderKind::Paired, false, false) => Some(Piece::Open(id)),
            (PlaceholderKind::Paired, true, false) => Some(Piece::Close(id)),
            (PlaceholderKind::Void, false, true) => Some(Piece::Void(id)),
            (PlaceholderKind::Protected, false, true) => Some(Piece::Protected(id)),
            _ => None,
        }
    }

    /// The number as written, leading zeros and all; saturates.
    #[must_use]
    pub fn number(&self) -> usize {
        self.digits.bytes().fold(0usize, |n, b| {
            n.saturating_mul(10).saturating_add(usize::from(b - b'0'))
        })
    }
}

/// The placeholder-shaped tag that starts at byte `at` of `text` (which must
/// hold `<`), or `None` when there is none there.
#[must_use]
pub fn tag_at(text: &str, at: usize) -> Option<Tag<'_>> {
    let bytes = text.as_bytes();
    let byte = |k: usize| bytes.get(k).copied();
    if byte(at) != Some(b'<') {
        return None;
    }
    let mut j = at + 1;
    let closing = byte(j) == Some(b'/');
    if closing {
        j += 1;
    }
    let kind = byte(j).and_then(PlaceholderKind::from_letter)?;
    j += 1;
    let digits_start = j;
    while byte(j).is_some_and(|b| b.is_ascii_digit()) {
        j += 1;
    }
    if j == digits_start {
        return None;
    }
    let digits = text.get(digits_start..j)?;
    while byte(j) == Some(b' ') {
        j += 1;
    }
    let self_closing = byte(j) == Some(b'/');
    if self_closing {
        j += 1;
    }
    if byte(j) != Some(b'>') {
        return None;
    }
    Some(Tag {
        kind,
        closing,
        self_closing,
        digits,
        len: j + 1 - at,
    })
}

/// A placeholder number: decimal, no leading zero, from 1, fits in `u32`.
fn parse_id(digits: &[u8]) -> Option<u32> {
    if digits.first() == Some(&b'0') || digits.len() > 9 {
        return None;
    }
    let mut id: u32 = 0;
    for d in digits {
        id = id * 10 + u32::from(d - b'0');
    }
    Some(id)
}

/// Escapes plain text into placeholder form: `&`, `<` and `>` only.
#[must_use]
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    escape_into(&mut out, text);
    out
}

/// [`escape_text`], appending to `out`.
pub fn escape_into(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(pos) = rest.find(['&', '<', '>']) {
        out.push_str(rest.get(..pos).unwrap_or_default());
        match rest.as_bytes().get(pos) {
            Some(b'&') => out.push_str("&amp;"),
            Some(b'<') => out.push_str("&lt;"),
            _ => out.push_str("&gt;"),
        }
        rest = rest.get(pos + 1..).unwrap_or_default();
    }
    out.push_str(rest);
}

/// Decodes the text parts of placeholder form back to plain text.
///
/// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` and decimal or hexadecimal
/// references are decoded (providers return them); any other `&` is a literal
/// ampersand. Use it on [`Piece::Text`], not on text with placeholders.
#[must_use]
pub fn unescape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for_each_unescaped(text, |s| out.push_str(s));
    out
}

/// [`unescape_text`] without the allocation: calls `part` with the decoded
/// content of `text`, piece by piece, in order.
pub fn for_each_unescaped(text: &str, mut part: impl FnMut(&str)) {
    let mut rest = text;
    let mut buf = [0; 4];
    while let Some(amp) = rest.find('&') {
        part(rest.get(..amp).unwrap_or_default());
        let after = rest.get(amp + 1..).unwrap_or_default();
        let (decoded, used) = xml_reference(after);
        match decoded {
            Some(c) => {
                part(c.encode_utf8(&mut buf));
                rest = after.get(used..).unwrap_or_default();
            }
            None => {
                part("&");
                rest = after;
            }
        }
    }
    part(rest);
}

/// Decodes the XML reference that follows an `&`; returns the character and the
/// number of bytes used (including `;`).
fn xml_reference(after: &str) -> (Option<char>, usize) {
    const NAMED: [(&str, char); 5] = [
        ("amp;", '&'),
        ("lt;", '<'),
        ("gt;", '>'),
        ("quot;", '"'),
        ("apos;", '\''),
    ];
    for (name, c) in NAMED {
        if after.starts_with(name) {
            return (Some(c), name.len());
        }
    }
    let bytes = after.as_bytes();
    if bytes.first() != Some(&b'#') {
        return (None, 0);
    }
    let hex = matches!(bytes.get(1), Some(b'x' | b'X'));
    let start = if hex { 2 } else { 1 };
    let mut j = start;
    let mut value: u32 = 0;
    while let Some(&b) = bytes.get(j) {
        let digit = if hex {
            char::from(b).to_digit(16)
        } else {
            char::from(b).to_digit(10)
        };
        let Some(d) = digit else { break };
        value = value
            .saturating_mul(if hex { 16 } else { 10 })
            .saturating_add(d);
        j += 1;
    }
    if j == start || bytes.get(j) != Some(&b';') {
        return (None, 0);
    }
    match char::from_u32(value) {
        Some(c) if value != 0 => (Some(c), j + 1),
        _ => (None, 0),
    }
}

/// Checks that `translated` carries exactly the placeholders of `source`.
///
/// Both are placeholder-form texts. The translation must hold the same
/// multiset of `b`/`x`/`p` placeholders (each once), every `<bN>` closed by its
/// `</bN>` with proper nesting, and every pair inside the same enclosing pair
/// as in the source; order may change (translation reorders phrases). Text
/// outside placeholders is not checked: a stray `<` or `&` is just text.
///
/// Linear in the length of both texts: past a few, placeholders are looked
/// up by name.
///
/// # Errors
///
/// The first problem found, naming the placeholder: see [`PlaceholderError`].
pub fn check_placeholders(source: &str, translated: &str) -> Result<(), PlaceholderError> {
    let expected = PlaceholderTree::of(source).map_err(|_| PlaceholderError::InvalidSource)?;
    let mut seen = vec![false; expected.order.len()];
    let mut open: Vec<u32> = Vec::new();
    for piece in Pieces::new(translated) {
        let (ph, closing) = match piece? {
            Piece::Text(_) => continue,
            Piece::Open(id) => (Placeholder::paired(id), false),
            Piece::Close(id) => (Placeholder::paired(id), true),
            Piece::Void(id) => (Placeholder::void(id), false),
            Piece::Protected(id) => (Placeholder::protected(id), false),
        };
        let Some((slot, expected_parent)) = expected.find(ph) else {
            return Err(PlaceholderError::Extra(ph));
        };
        let already_seen = seen.get(slot).copied().unwrap_or(false);
        if closing {
            match open.last() {
                Some(&top) if top == ph.id => {
                    open.pop();
                }
                // Only on the way to an error, so the walk is paid once.
                Some(&top) if open.contains(&ph.id) => {
                    return Err(PlaceholderError::Misnested {
                        expected: Placeholder::paired(top),
                        found: ph,
                    });
                }
                _ if already_seen => return Err(PlaceholderError::Duplicated(ph)),
                _ => return Err(PlaceholderError::UnexpectedClose(ph)),
            }
            continue;
        }
        if already_seen {
            return Err(PlaceholderError::Duplicated(ph));
        }
        if let Some(s) = seen.get_mut(slot) {
            *s = true;
        }
        if ph.kind == PlaceholderKind::Paired {
            let found_parent = open.last().copied().map(Placeholder::paired);
            if found_parent != expected_parent {
                return Err(PlaceholderError::Moved {
                    placeholder: ph,
                    expected: expected_parent,
                    found: found_parent,
                });
            }
            open.push(ph.id);
        }
    }
    if let Some(&top) = open.last() {
        return Err(PlaceholderError::Unclosed(Placeholder::paired(top)));
    }
    if let Some(missing) = expected
        .order
        .iter()
        .zip(&seen)
        .find_map(|(ph, seen)| (!seen).then_some(*ph))
    {
        return Err(PlaceholderError::Missing(missing));
    }
    Ok(())
}

/// The placeholders of a well-formed text, each with its enclosing pair.
struct PlaceholderTree {
    /// In document order.
    order: Vec<Placeholder>,
    /// The enclosing pair of each, in the same order.
    parents: Vec<Option<Placeholder>>,
    /// Position in `order` of each placeholder, once there are more than
    /// [`PlaceholderTree::FEW`]; fewer are found faster by looking.
    by_name: HashMap<Placeholder, usize>,
}

impl PlaceholderTree {
    const FEW: usize = 16;

    /// Position and enclosing pair of `ph`.
    fn find(&self, ph: Placeholder) -> Option<(usize, Option<Placeholder>)> {
        let slot = if self.order.len() <= Self::FEW {
            self.order.iter().position(|p| *p == ph)?
        } else {
            *self.by_name.get(&ph)?
        };
        Some((slot, self.parents.get(slot).copied().flatten()))
    }

    fn of(text: &str) -> Result<Self, PlaceholderError> {
        let mut tree = Self {
            order: Vec::new(),
            parents: Vec::new(),
            by_name: HashMap::new(),
        };
        let mut open: Vec<u32> = Vec::new();
        for piece in Pieces::new(text) {
            let parent = open.last().copied().map(Placeholder::paired);
            let ph = match piece? {
                Piece::Text(_) => continue,
                Piece::Close(id) => {
                    if open.pop() != Some(id) {
                        return Err(PlaceholderError::UnexpectedClose(Placeholder::paired(id)));
                    }
                    continue;
                }
                Piece::Open(id) => {
                    open.push(id);
                    Placeholder::paired(id)
                }
                Piece::Void(id) => Placeholder::void(id),
                Piece::Protected(id) => Placeholder::protected(id),
            };
            let duplicated = if tree.order.len() < Self::FEW {
                tree.order.contains(&ph)
            } else {
                if tree.by_name.is_empty() {
                    tree.by_name
                        .extend(tree.order.iter().enumerate().map(|(i, p)| (*p, i)));
                }
                tree.by_name.insert(ph, tree.order.len()).is_some()
            };
            if duplicated {
                return Err(PlaceholderError::Duplicated(ph));
            }
            tree.order.push(ph);
            tree.parents.push(parent);
        }
        match open.last() {
            Some(&id) => Err(PlaceholderError::Unclosed(Placeholder::paired(id))),
            None => Ok(tree),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn check_placeholders_accepts_reordering() {
        let source = "<b1>東京都</b1>の<b2>説明<x3/></b2><p4/>";
        check_placeholders(source, "<p4/><b2>Explanation<x3/></b2> of <b1>Tokyo</b1>").unwrap();
        check_placeholders(source, "<b2>Explanation <x3 /></b2><b1>Tokyo</b1><p4/>").unwrap();
        check_placeholders("本文", "a < b & c > d <script>").unwrap();
    }

    #[test]
    fn check_placeholders_names_what_is_wrong() {
        use PlaceholderError as E;
        let b = Placeholder::paired;
        let x = Placeholder::void;
        let source = "<b1>a<b2>b</b2></b1><x3/>";
        let cases: &[(&str, PlaceholderError)] = &[
            ("<b1>a<b2>b</b2></b1>", E::Missing(x(3))),
            ("<b1>a</b1><x3/>", E::Missing(b(2))),
            ("<b1>a<b2>b</b2></b1><x3/><x4/>", E::Extra(x(4))),
            (
                "<b1>a<b2>b</b2></b1><x3/><p1/>",
                E::Extra(Placeholder::protected(1)),
            ),
            ("<b1>a<b2>b</b2></b1><b3></b3>", E::Extra(b(3))),
            ("<b1>a<b2>b</b2></b1><x3/><x3/>", E::Duplicated(x(3))),
            ("<b1>a<b2>b</b2></b1><b2></b2><x3/>", E::Duplicated(b(2))),
            (
                "<b1>a<b2>b</b1></b2><x3/>",
                E::Misnested {
                    expected: b(2),
                    found: b(1),
                },
            ),
            ("<b1>a<b2>b</b2><x3/>", E::Unclosed(b(1))),
            ("a</b1><b2>b</b2><x3/>", E::UnexpectedClose(b(1))),
            (
                "<b1>a</b1><b2>b</b2><x3/>",
                E::Moved {
                    placeholder: b(2),
                    expected: Some(b(1)),
                    found: None,
                },
            ),
            ("<b1>a<b2>b</b2></b1><x3>", E::Malformed("<x3>".into())),
            (
                "<b1>a<b2>b</b2></b1><x3/></x3>",
                E::Malformed("</x3>".into()),
            ),
            ("<b01>a<b2>b</b2></b1><x3/>", E::Malformed("<b01>".into())),
        ];
        for (translated, expected) in cases {
            assert_eq!(
                check_placeholders(source, translated).as_ref(),
                Err(expected),
                "{translated}"
            );
        }
        assert_eq!(check_placeholders("<b1>a", "a"), Err(E::InvalidSource));
        assert_eq!(
            check_placeholders("<x1/><x1/>", "<x1/><x1/>"),
            Err(E::InvalidSource)
        );
        assert_eq!(E::Missing(x(3)).to_string(), "placeholder x3 is missing");
    }

    #[test]
    fn the_same_number_with_another_letter_is_another_placeholder() {
        // `protect` numbers its tokens apart from the markup placeholders.
        let source = "<b1>a</b1><x2/><p1/><p2/>";
        check_placeholders(source, "<p2/><p1/><x2/><b1>a</b1>").unwrap();
        assert_eq!(
            check_placeholders(source, "<b1>a</b1><x2/><p1/><x1/>"),
            Err(PlaceholderError::Extra(Placeholder::void(1)))
        );
    }

    #[test]
    fn thousands_of_placeholders_are_checked_by_name() {
        // A flat paragraph of many inline elements, and as many nested ones.
        let n = 5_000;
        let flat: String = (1..=n).map(|i| format!("<b{i}>字</b{i}>")).collect();
        let reversed: String = (1..=n).rev().map(|i| format!("<b{i}>字</b{i}>")).collect();
        check_placeholders(&flat, &reversed).unwrap();
        let nested: String = (1..=n).map(|i| format!("<b{i}>")).collect::<String>()
            + "字"
            + &(1..=n)
                .rev()
                .map(|i| format!("</b{i}>"))
                .collect::<String>();
        check_placeholders(&nested, &nested).unwrap();
        let twice = flat.clone() + "<b40>字</b40>";
        assert_eq!(
            check_placeholders(&twice, &twice),
            Err(PlaceholderError::InvalidSource)
        );
        assert_eq!(
            check_placeholders(&flat, &flat.replace(&format!("<b{n}>字</b{n}>"), "")),
            Err(PlaceholderError::Missing(Placeholder::paired(n)))
        );
        assert_eq!(
            check_placeholders(&nested, &flat),
            Err(PlaceholderError::Moved {
                placeholder: Placeholder::paired(2),
                expected: Some(Placeholder::paired(1)),
                found: None,
            })
        );
    }

    #[test]
    fn pieces_and_escaping_helpers() {
        assert_eq!(
            pieces("a &amp; <b1>b</b1><x2/><p3/> <i>").unwrap(),
            vec![
                Piece::Text("a &amp; "),
                Piece::Open(1),
                Piece::Text("b"),
                Piece::Close(1),
                Piece::Void(2),
                Piece::Protected(3),
                Piece::Text(" <i>"),
            ]
        );
        let text = "a &amp; <b1>b</b1><x2 /><p3/>";
        let written: String = pieces(text)
            .unwrap()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(written, "a &amp; <b1>b</b1><x2/><p3/>");
        assert_eq!(escape_text("a<b>&c"), "a&lt;b&gt;&amp;c");
        assert_eq!(
            unescape_text("&lt;&amp;&gt;&quot;&apos;&#x41;&#66;&foo;&"),
            "<&>\"'AB&foo;&"
        );
    }

    #[test]
    fn tags_shaped_like_placeholders() {
        let tag = tag_at("ab<p01 />", 2).unwrap();
        assert_eq!(
            (tag.kind, tag.closing, tag.self_closing, tag.digits, tag.len),
            (PlaceholderKind::Protected, false, true, "01", 7)
        );
        assert_eq!(tag.number(), 1);
        assert_eq!(tag.piece(), None);
        assert_eq!(tag_at("</b12>", 0).unwrap().piece(), Some(Piece::Close(12)));
        assert_eq!(tag_at("<x3  />", 0).unwrap().piece(), Some(Piece::Void(3)));
        for not_a_tag in ["<b>", "<bb1>", "<b1", "< b1>", "<i1>", "<b1 x>", "b1>"] {
            assert_eq!(tag_at(not_a_tag, 0), None, "{not_a_tag}");
        }
    }
}

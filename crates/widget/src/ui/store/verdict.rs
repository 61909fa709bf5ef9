//! The verdict on a record opened in review mode: is it as it was exported?

/// Whether an opened record is as it was exported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Integrity {
    /// The digest matches: nothing changed after export.
    Intact,
    /// The digest does not match: the answers or confirmations changed after export.
    Changed,
    /// A version-0 file without a digest: changes cannot be ruled out.
    NoDigest,
    /// The digest uses an algorithm this component does not know.
    Unknown,
}

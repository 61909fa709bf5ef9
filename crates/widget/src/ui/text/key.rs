//! The keys of the fixed words of the view: one per word, looked up per locale by `w`.

/// A fixed word or phrase of the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum W {
    /// 已提交 in an export file's name.
    FileSubmitted,
    /// 草稿 in an export file's name.
    FileDraft,
    /// `，版本 ` between a template's title and version.
    Version,
}

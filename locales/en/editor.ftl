# The translators' web editor under /translators/. Its pages are shown in
# Japanese or English (src/http/routes/editor.rs); the Chinese and Korean
# files are real translations, kept so every locale has the same messages.

editor-name = honyaku translators' editor
# The editor's own language switch (its heading).
editor-language-label = Editor language
editor-footer = Translations you save here are served to readers at once.
editor-logged-in-as = Logged in as { $name }
editor-logout = Log out
editor-home-link = Editor home

editor-login-title = Log in
editor-login-intro = Log in with the translator token you were given. An administrator creates one with “honyaku translators add”.
editor-token-label = Translator token
editor-token-help = It starts with hny_. Your browser does not keep it; once you are logged in, a session keeps you logged in for 12 hours.
editor-login-submit = Log in
editor-login-failed = This token is not valid or has been revoked. Check it and try again.
editor-session-expired = Your session has ended, so your last change was not saved. Log in again; the text you typed is below to copy.
editor-kept-text = Your unsaved text
editor-login-rate-limited =
    Too many failed attempts from your address. Try again in { $minutes ->
        [one] one minute
       *[other] { $minutes } minutes
    }.

editor-home-title = Translators' editor
editor-home-who = You are logged in as { $name }. You may edit: { $languages }.
editor-pick-heading = Open a page
editor-pick-page = Page
editor-pick-lang = Target language
editor-pick-state = Units to show
editor-state-all = All units
editor-state-machine = No override (machine or reviewed translation)
editor-state-approved = Overridden by a translator
editor-state-needs-review = Needs review (the Japanese changed)
editor-pick-open = Open the editor

editor-edit-title = { $language } translation
editor-edit-intro = Each unit shows the Japanese original, what readers get now and a box for your translation. Keep the placeholders such as <b1>…</b1> and <x2/>, and the text listed under “Must keep”.
editor-filter-show = Show
editor-unit-count =
    { $count ->
        [one] One unit
       *[other] { $count } units
    }
editor-no-units = No units match this filter.
editor-unit-heading = Unit { $position }: { $part }
editor-part-title = title
editor-part-summary = summary
editor-part-bureau = responsible office
editor-part-body = body
editor-part-contact = contact
editor-part-attribute = attribute text
editor-part-memory = from the translation memory
editor-badge-machine = No override
editor-badge-approved = Override served
editor-badge-needs-review = Needs review
editor-source-heading = Japanese original
editor-served-heading = What readers get now
editor-origin-machine = Machine translation
editor-origin-machine-model = Machine translation ({ $model })
editor-origin-bundled = Reviewed translation shipped with the page
editor-origin-translator = Translator's override
editor-origin-source = Not translated: readers see the Japanese
editor-machine-refused = Refused: { $reason }. Readers get the Japanese.
editor-last-change = Last changed by { $author }, { $when }
editor-review-intro = The Japanese of this unit changed after the override was written. The override is kept in the box below but is not served until you approve it or save a new translation.
editor-review-before = Japanese the override was written for
editor-review-after = Japanese now
editor-your-translation = Your translation ({ $language })
editor-must-keep = Must keep:
editor-save = Save
# $origin: what readers get without an override, `bundled` (a reviewed
# translation shipped with the page) or `machine`.
editor-revert =
    { $origin ->
        [bundled] Revert to the reviewed translation
       *[other] Revert to the machine translation
    }
editor-approve = Approve as it stands
editor-history-link = History of this unit
editor-saved = Saved. Readers get your translation now.
# $origin: what readers get without an override, `bundled` (a reviewed
# translation shipped with the page) or `machine`.
editor-reverted =
    { $origin ->
        [bundled] Reverted. Readers get the reviewed translation again.
       *[other] Reverted. Readers get the machine translation again.
    }
editor-approved = Approved. Readers get this translation again.
editor-error-qa = Not saved: { $detail }. Your text is kept in the box.
editor-error-stale = Not saved: someone else changed this unit in the meantime (it is now at version { $version }). Their text is shown under “What readers get now”; yours is kept in the box. Save again to replace theirs.
editor-error-conflict = Not done: { $detail }.
editor-error-busy = Not saved: the database is busy. Your text is kept in the box; try again in a moment.
editor-forbidden-title = Not one of your languages
editor-forbidden-lang = You may not edit { $language } translations. Ask an administrator to add the language to your account.

editor-history-title = History of a unit
editor-history-intro = Every change to this unit's { $language } override, oldest first.
editor-history-empty = Nobody has changed this translation yet.
editor-history-caption = Changes
editor-history-version = Version
editor-history-when = When
editor-history-who = Who
editor-history-action = Change
editor-history-before = Before
editor-history-after = After
# $origin: what readers get without an override, `bundled` (a reviewed
# translation shipped with the page) or `machine`.
editor-history-machine =
    { $origin ->
        [bundled] (reviewed translation)
       *[other] (machine translation)
    }
editor-action-saved = Saved
editor-action-approved = Approved
editor-action-flagged = Flagged: the Japanese changed
editor-action-reverted = Reverted
editor-back-to-page = Back to the page

# Readers' reports on the page being edited.
editor-reports-title = Reader reports ({ $count } open)
editor-reports-none = No open reports from readers on this page.
editor-reports-passage = the passage
editor-reports-resolve = Mark as resolved

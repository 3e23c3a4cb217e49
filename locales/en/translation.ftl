# Notices on translated pages. Adapted from the three-point notice of the
# ministry's own "language switch" service.

disclaimer-heading = About machine translation
disclaimer-intro = This page has been machine-translated from the Japanese original. Please read the following before using it.
disclaimer-text-only = Only the text on this page is translated. Content presented in images and other graphics is not translated.
disclaimer-accuracy = As this is an automatic machine translation, it may not always be accurate.
disclaimer-speed = Translated pages may take slightly longer to display than the Japanese pages.
disclaimer-authoritative = The Japanese original is the authoritative version of this content.
disclaimer-original-link = View the Japanese original

notice-translation-pending-heading = Translation in preparation
notice-translation-pending = This page has not been translated into English yet. The Japanese original is shown below.

notice-partial-translation = Some parts of this page have not been translated yet and are shown in Japanese.
# The small control after each translated passage of running text (its
# accessible name), and the panel it opens: the Japanese original and where
# the translation came from.
passage-tools-label = Japanese original and problem report for this passage
passage-original-label = Japanese original
origin-machine = Machine translation
origin-bundled = Reviewed translation
origin-translator = Translated by a translator

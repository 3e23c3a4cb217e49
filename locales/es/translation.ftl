# Spanish (es). Notices on translated pages, adapted from the three-point notice of the
# ministry's own 言語切替 service.
#
# How these strings were written and checked: translated from the English
# strings (locales/en) by the language model that wrote this change, with the
# Japanese (locales/ja) beside them for meaning; checked against the
# conventions of Spanish-language public notices as far as that model knows
# them ("usted", neutral Spanish that Latin American readers, the largest
# group in Japan, also read as theirs), against CLDR's Spanish long date
# patterns ("mayo de 2025", month names in lower case), and by translating
# every string back into English with the same model and comparing it with the
# English. No native speaker has reviewed them yet.
#
# Most in need of a native speaker's review: site-name (the ministry's
# customary Spanish name), disclaimer-accuracy and disclaimer-intro, report-
# privacy, and whether "informe" or "reporte" (more usual in Latin America)
# suits report-*.

disclaimer-heading = Acerca de la traducción automática
# A page with machine-translated passages. $providers names the services
# (DeepL, Google Cloud Translation…); $reviewed and $passages are numbers.
disclaimer-intro = Esta página ha sido traducida automáticamente del original en japonés por { $providers }. Lea lo siguiente antes de usarla.
disclaimer-reviewed =
    { $reviewed ->
        [0] Ningún pasaje de esta página ha sido revisado todavía por traductores.
       *[other] Los traductores han revisado { $reviewed } de los { $passages } pasajes de esta página.
    }
# When the newest machine translation on the page was made ($date from
# date-full).
disclaimer-when = Última traducción automática: { $date }.
# A page whose every passage people translated or reviewed.
disclaimer-heading-human = Acerca de esta traducción
disclaimer-intro-human = Esta página fue traducida del original en japonés por personas: los traductores han revisado cada pasaje.
disclaimer-text-only = Solo se traduce el texto de esta página. El contenido presentado en imágenes y otros gráficos no se traduce.
disclaimer-accuracy = Al tratarse de una traducción automática, puede que no siempre sea exacta.
disclaimer-speed = Las páginas traducidas pueden tardar un poco más en mostrarse que las páginas en japonés.
disclaimer-authoritative = El original en japonés es la versión oficial de este contenido.
disclaimer-original-link = Ver el original en japonés

notice-translation-pending-heading = Traducción en preparación
notice-translation-pending = Esta página todavía no se ha traducido al español. A continuación se muestra el original en japonés.
# While the translation of a page nobody has read in this language yet is
# being made (its passages appear as they are ready).
notice-translation-on-its-way = Esta página se está traduciendo al español. Por ahora se muestra el original en japonés; los pasajes traducidos aparecerán aquí a medida que estén listos.

notice-partial-translation = Algunas partes de esta página aún no se han traducido y se muestran en japonés.
notice-partial-pending = Algunos pasajes todavía se están traduciendo y por ahora se muestran en japonés; aparecerán aquí a medida que estén listos.
# The small control after each translated passage of running text (its
# accessible name), and the panel it opens: the Japanese original and where
# the translation came from.
passage-tools-label = Original en japonés e informe de problemas de este pasaje
passage-original-label = Original en japonés
origin-machine = Traducción automática
origin-bundled = Traducción revisada
origin-translator = Traducido por un traductor
# After a link to a document honyaku does not translate (a PDF, an image, a
# page of another site): what the reader finds there is in Japanese.
link-japanese-only = (en japonés)

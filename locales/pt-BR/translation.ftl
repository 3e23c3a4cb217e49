# Brazilian Portuguese (pt-BR). Notices on translated pages, adapted from the three-point notice of the
# ministry's own 言語切替 service.
#
# How these strings were written and checked: translated from the English
# strings (locales/en) by the language model that wrote this change, with the
# Japanese (locales/ja) beside them for meaning; checked against the
# conventions of Brazilian public notices as far as that model knows them
# ("você", Brazilian spelling and vocabulary), against CLDR's Portuguese long
# date patterns ("maio de 2025", month names in lower case), and by
# translating every string back into English with the same model and comparing
# it with the English. No native speaker has reviewed them yet.
#
# Most in need of a native speaker's review: site-name (the ministry's
# customary Portuguese name), disclaimer-accuracy and disclaimer-intro,
# report-privacy, and the word "relato" in report-* ("denúncia" was avoided as
# too strong).

disclaimer-heading = Sobre a tradução automática
# A page with machine-translated passages. $providers names the services
# (DeepL, Google Cloud Translation…); $reviewed and $passages are numbers.
disclaimer-intro = Esta página foi traduzida automaticamente do original em japonês por { $providers }. Leia as informações a seguir antes de usá-la.
disclaimer-reviewed =
    { $reviewed ->
        [0] Nenhum trecho desta página foi revisado por tradutores ainda.
       *[other] Tradutores revisaram { $reviewed } dos { $passages } trechos desta página.
    }
# When the newest machine translation on the page was made ($date from
# date-full).
disclaimer-when = Última tradução automática: { $date }.
# A page whose every passage people translated or reviewed.
disclaimer-heading-human = Sobre esta tradução
disclaimer-intro-human = Esta página foi traduzida do original em japonês por pessoas: tradutores revisaram todos os trechos.
disclaimer-text-only = Somente o texto desta página é traduzido. O conteúdo apresentado em imagens e outros elementos gráficos não é traduzido.
disclaimer-accuracy = Por ser uma tradução automática, ela nem sempre é exata.
disclaimer-speed = As páginas traduzidas podem demorar um pouco mais para abrir do que as páginas em japonês.
disclaimer-authoritative = O original em japonês é a versão oficial deste conteúdo.
disclaimer-original-link = Ver o original em japonês

notice-translation-pending-heading = Tradução em preparação
notice-translation-pending = Esta página ainda não foi traduzida para o português. O original em japonês é exibido abaixo.
# While the translation of a page nobody has read in this language yet is
# being made (its passages appear as they are ready).
notice-translation-on-its-way = Esta página está sendo traduzida para o português. Por enquanto, o original em japonês é exibido; os trechos traduzidos aparecem aqui à medida que ficam prontos.

notice-partial-translation = Algumas partes desta página ainda não foram traduzidas e aparecem em japonês.
notice-partial-pending = Alguns trechos ainda estão sendo traduzidos e aparecem em japonês por enquanto; eles aparecem aqui à medida que ficam prontos.
# The small control after each translated passage of running text (its
# accessible name), and the panel it opens: the Japanese original and where
# the translation came from.
passage-tools-label = Original em japonês e relato de problema deste trecho
passage-original-label = Original em japonês
origin-machine = Tradução automática
origin-bundled = Tradução revisada
origin-translator = Traduzido por um tradutor
# After a link to a document honyaku does not translate (a PDF, an image, a
# page of another site): what the reader finds there is in Japanese.
link-japanese-only = (em japonês)

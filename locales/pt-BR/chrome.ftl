# Brazilian Portuguese (pt-BR). Page chrome: header, language switcher, breadcrumb, footer, the report form.
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

# Language names in the switcher are endonyms and live in the configuration
# ([languages.known] in config/default.toml); the title attributes below name
# each language in the reader's own language.

site-name = Ministério da Saúde, Trabalho e Bem-Estar
site-section = Comunicados à imprensa
skip-to-content = Ir para o conteúdo principal

switcher-label = Idioma
switcher-title-ja = Japonês
switcher-title-en = Inglês
switcher-title-zh-Hans = Chinês (simplificado)
switcher-title-zh-Hant = Chinês (tradicional)
switcher-title-ko = Coreano
switcher-title-vi = Vietnamita
switcher-title-fil = Filipino
switcher-title-pt-BR = Português (Brasil)
switcher-title-ne = Nepalês
switcher-title-id = Indonésio
switcher-title-my = Birmanês
switcher-title-th = Tailandês
switcher-title-es = Espanhol
switcher-title-ja-x-easy = Japonês fácil

breadcrumb-label = Você está aqui
breadcrumb-home = Início
breadcrumb-press = Notícias e comunicação
breadcrumb-press-releases = Comunicados à imprensa

# $year and $month are numbers, e.g. 2025 and 5.
# Portuguese spells out the month, in lower case: "maio de 2025".
date-year-month =
    { $month ->
        [1] janeiro
        [2] fevereiro
        [3] março
        [4] abril
        [5] maio
        [6] junho
        [7] julho
        [8] agosto
        [9] setembro
        [10] outubro
        [11] novembro
        [12] dezembro
       *[other] { $month }
    } de { $year }

# $year, $month and $day are numbers, e.g. 2026, 12 and 4.
date-full = { $day } de { $month ->
        [1] janeiro
        [2] fevereiro
        [3] março
        [4] abril
        [5] maio
        [6] junho
        [7] julho
        [8] agosto
        [9] setembro
        [10] outubro
        [11] novembro
        [12] dezembro
       *[other] { $month }
    } de { $year }

page-published = Publicado em: { date-year-month }
page-bureau = Setor responsável: { $bureau }
contact-heading = Contato

index-title = Comunicados à imprensa
index-intro = Comunicados à imprensa do Ministério da Saúde, Trabalho e Bem-Estar. Cada página está disponível no original em japonês e traduzida para os idiomas do menu de idiomas.

footer-service = Este site é oferecido pelo serviço de tradução honyaku.
footer-original-note = Nas páginas traduzidas, o original em japonês é a versão oficial.

# Reader feedback: the link after each translated passage, the report form
# and its answers. $max and $count are numbers of characters; $minutes is a
# number of minutes.
report-link = Informar um problema na tradução
report-intro = Conte-nos o que está errado na tradução deste trecho. Um tradutor lê todos os relatos.
report-original-label = Original em japonês
report-translation-label = Tradução atual
report-message-label = O que está errado? (até { $max } caracteres)
report-privacy = Não inclua dados pessoais. Não registramos nada sobre quem envia o relato (nem endereço IP, nem nome, nem e-mail).
report-honeypot-label = Deixe este campo em branco
report-submit = Enviar relato
report-back = Voltar ao trecho
report-thanks-title = Obrigado pelo seu relato
report-thanks-body = Recebemos o seu relato. Um tradutor vai verificar este trecho.
report-thanks-your-message = O que você escreveu
report-error-empty = Descreva o problema antes de enviar.
report-error-too-long = Sua mensagem tem { $count } caracteres; reduza-a para { $max } ou menos.
report-error-control = Sua mensagem contém caracteres de controle que não podem ser aceitos. Remova-os e envie novamente.
report-rate-limited =
    Muitos relatos foram enviados em pouco tempo. Tente novamente daqui a { $minutes ->
        [1] um minuto
       *[other] { $minutes } minutos
    }.

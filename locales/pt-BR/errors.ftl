# Brazilian Portuguese (pt-BR). Error pages and the messages behind the stable error codes of the API.
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

error-not-found-title = Página não encontrada
error-not-found-body = Não foi possível encontrar a página que você procura. Verifique o endereço.
error-unsupported-language = "{ $code }" não é um idioma disponível. Idiomas disponíveis: { $supported }
error-bad-request-title = Não foi possível processar a solicitação
error-bad-request-body = A solicitação contém um erro.
error-payload-too-large = A solicitação é maior que { $limit }, o máximo que este serviço aceita.
error-method-not-allowed-title = Esta operação não é permitida
error-method-not-allowed-body = Este endereço não aceita solicitações feitas com este método.
error-internal-title = Ocorreu um erro no servidor
error-internal-body = Ocorreu um problema temporário. Tente novamente mais tarde.
error-back-home = Voltar à página inicial
error-invalid-request = A solicitação não é válida: { $detail }
error-unsupported-media-type = Este Content-Type não é aceito. Envie application/json ou text/html.
error-unauthorized = É necessária uma chave de API válida. Envie-a em um cabeçalho Authorization: Bearer ou X-Api-Key.
error-origin-not-allowed = Esta chave de API não pode ser usada a partir desta origem.
error-rate-limited = Solicitações demais. Aguarde os segundos indicados em Retry-After e tente novamente.
error-budget-exhausted = O limite diário de caracteres para tradução acabou. Tente novamente depois dos segundos indicados em Retry-After.
error-proxy-not-allowed = Este endereço não pode ser traduzido: só as páginas dos sites do próprio ministério podem.
error-upstream-failed = Não foi possível acessar o site original, ou ele respondeu com um erro. Tente novamente mais tarde.
error-upstream-timeout = O site original não respondeu a tempo. Tente novamente mais tarde.
error-not-logged-in = Faça login primeiro: envie um token de tradutor em um cabeçalho Authorization: Bearer ou entre no editor dos tradutores.
error-forbidden = Você não pode fazer isto: { $detail }
error-csrf-failed = Este formulário ou esta solicitação expirou ou não veio do editor. Recarregue a página e tente novamente.
error-version-conflict = Outra pessoa alterou esta tradução nesse meio-tempo (agora ela está na versão { $version }). Recarregue, confira a alteração e salve novamente.
error-precondition-required = Envie a versão que você está alterando em um cabeçalho If-Match, para não sobrescrever por engano a alteração de ninguém.
error-qa-failed = A tradução não foi salva: { $detail }
error-conflict = Não é possível fazer isto: { $detail }
error-busy = O banco de dados está ocupado. Nada foi salvo; tente novamente em instantes.

# Why a translator's text was not saved (the detail of error-qa-failed).
qa-empty = a tradução está vazia; para voltar à tradução automática, use "reverter".
qa-missing-placeholder = falta { $placeholder }. Mantenha todos os marcadores do original: { $detail }
qa-placeholder = os marcadores não correspondem ao original ({ $detail }).
qa-missing-protected = falta um texto que deve ficar exatamente como mostrado: { $detail }

# Why the QA gate refused a machine translation (shown to translators; readers
# get the Japanese).
qa-refused-empty = o serviço não devolveu nada
qa-refused-token = uma data, um número ou um endereço do japonês (marcador { $placeholder }) não voltou exatamente uma vez
qa-refused-markup = a marcação não voltou como no japonês: { $detail }
qa-refused-number-changed = o número { $expected } virou { $found }
qa-refused-number-missing = falta o número { $expected }
qa-refused-echo = o serviço devolveu o japonês sem tradução
qa-refused-script-kana = ficou japonês na tradução (“{ $sample }”)
qa-refused-script-missing = a tradução não está escrita na escrita deste idioma
qa-refused-script-chinese = a tradução usa caracteres da outra escrita chinesa ({ $found })
qa-refused-lost = falta o texto entre parênteses { $phrase }
qa-refused-length = a tradução tem { $ratio } vezes o tamanho do japonês, fora do intervalo de { $min } a { $max }
qa-refused-batch = { $sources } frases diferentes voltaram como o mesmo texto (“{ $output }”)
qa-refused-sentences = as frases não estão claramente mais curtas que as do japonês ({ $found } caracteres em média; o japonês, { $expected })

# Spanish (es). Error pages and the messages behind the stable error codes of the API.
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

error-not-found-title = Página no encontrada
error-not-found-body = No se encontró la página que busca. Compruebe la dirección.
error-unsupported-language = «{ $code }» no es un idioma admitido. Idiomas admitidos: { $supported }
error-bad-request-title = No se pudo procesar la solicitud
error-bad-request-body = La solicitud contiene un error.
error-payload-too-large = La solicitud supera los { $limit }, el máximo que acepta este servicio.
error-method-not-allowed-title = Esta operación no está permitida
error-method-not-allowed-body = Esta dirección no acepta solicitudes hechas con este método.
error-internal-title = Se ha producido un error en el servidor
error-internal-body = Se ha producido un problema temporal. Inténtelo de nuevo más tarde.
error-back-home = Volver a la página de inicio
error-invalid-request = La solicitud no es válida: { $detail }
error-unsupported-media-type = Este Content-Type no es compatible. Envíe application/json o text/html.
error-unauthorized = Se necesita una clave de API válida. Envíela en un encabezado Authorization: Bearer o X-Api-Key.
error-origin-not-allowed = Esta clave de API no se puede usar desde este origen.
error-rate-limited = Demasiadas solicitudes. Espere los segundos indicados en Retry-After y vuelva a intentarlo.
error-budget-exhausted = Se ha agotado el presupuesto de caracteres de traducción de hoy. Vuelva a intentarlo después de los segundos indicados en Retry-After.
error-proxy-not-allowed = Esta dirección no se puede traducir: solo se traducen las páginas de los sitios del propio Ministerio.
error-upstream-failed = No se pudo acceder al sitio original o este respondió con un error. Inténtelo de nuevo más tarde.
error-upstream-timeout = El sitio original no respondió a tiempo. Inténtelo de nuevo más tarde.
error-not-logged-in = Inicie sesión primero: envíe un token de traductor en un encabezado Authorization: Bearer o inicie sesión en el editor para traductores.
error-forbidden = No puede hacer esto: { $detail }
error-csrf-failed = Este formulario o esta solicitud ha caducado o no procede del editor. Vuelva a cargar la página e inténtelo de nuevo.
error-version-conflict = Otra persona ha modificado esta traducción mientras tanto (ahora está en la versión { $version }). Vuelva a cargarla, revise su cambio y guarde de nuevo.
error-precondition-required = Envíe la versión que está modificando en un encabezado If-Match, para no sobrescribir por error el cambio de nadie.
error-qa-failed = La traducción no se guardó: { $detail }
error-conflict = No se puede hacer esto: { $detail }
error-busy = La base de datos está ocupada. No se ha guardado nada; inténtelo de nuevo en un momento.

# Why a translator's text was not saved (the detail of error-qa-failed).
qa-empty = la traducción está vacía; para volver a la traducción automática, use «revertir».
qa-missing-placeholder = falta { $placeholder }. Conserve todos los marcadores de posición del original: { $detail }
qa-placeholder = los marcadores de posición no coinciden con el original ({ $detail }).
qa-missing-protected = falta texto que debe quedar exactamente como se muestra: { $detail }

# Why the QA gate refused a machine translation (shown to translators; readers
# get the Japanese).
qa-refused-empty = el proveedor no devolvió nada
qa-refused-token = una fecha, un número o una dirección del japonés (marcador { $placeholder }) no volvió exactamente una vez
qa-refused-markup = el marcado no volvió como en el japonés: { $detail }
qa-refused-number-changed = el número { $expected } se convirtió en { $found }
qa-refused-number-missing = falta el número { $expected }
qa-refused-echo = el proveedor devolvió el japonés sin traducir
qa-refused-script-kana = quedó japonés en la traducción («{ $sample }»)
qa-refused-script-missing = la traducción no está escrita en la escritura de este idioma
qa-refused-script-chinese = la traducción usa caracteres de la otra escritura china ({ $found })
qa-refused-lost = falta el texto entre paréntesis { $phrase }
qa-refused-length = la traducción mide { $ratio } veces el japonés, fuera del intervalo de { $min } a { $max }
qa-refused-batch = { $sources } frases distintas volvieron como el mismo texto («{ $output }»)
qa-refused-sentences = las frases no son claramente más cortas que las del japonés ({ $found } caracteres de media; el japonés, { $expected })

/**
 * A restaurant's currency: an ISO 4217 code (EUR, USD, …). Which one a computer's locale suggests,
 * and each one's name in that locale, for the choice at registration and in Settings.
 */

/** The codes this runtime can format. */
export const CURRENCIES: readonly string[] = Intl.supportedValuesOf('currency');

export const isCurrency = (code: string): boolean => CURRENCIES.includes(code);

/** The currency of each country or territory (ISO 3166 region → ISO 4217), as of 2026. */
const BY_REGION = Object.fromEntries(
  `AD EUR AE AED AF AFN AG XCD AI XCD AL ALL AM AMD AO AOA AR ARS AS USD AT EUR AU AUD AW AWG AX EUR AZ AZN
BA BAM BB BBD BD BDT BE EUR BF XOF BG EUR BH BHD BI BIF BJ XOF BL EUR BM BMD BN BND BO BOB BQ USD BR BRL
BS BSD BT BTN BW BWP BY BYN BZ BZD CA CAD CC AUD CD CDF CF XAF CG XAF CH CHF CI XOF CK NZD CL CLP CM XAF
CN CNY CO COP CR CRC CU CUP CV CVE CW ANG CX AUD CY EUR CZ CZK DE EUR DJ DJF DK DKK DM XCD DO DOP DZ DZD
EC USD EE EUR EG EGP ER ERN ES EUR ET ETB FI EUR FJ FJD FK FKP FM USD FO DKK FR EUR GA XAF GB GBP GD XCD
GE GEL GF EUR GG GBP GH GHS GI GIP GL DKK GM GMD GN GNF GP EUR GQ XAF GR EUR GT GTQ GU USD GW XOF GY GYD
HK HKD HN HNL HR EUR HT HTG HU HUF ID IDR IE EUR IL ILS IM GBP IN INR IO USD IQ IQD IR IRR IS ISK IT EUR
JE GBP JM JMD JO JOD JP JPY KE KES KG KGS KH KHR KI AUD KM KMF KN XCD KP KPW KR KRW KW KWD KY KYD KZ KZT
LA LAK LB LBP LC XCD LI CHF LK LKR LR LRD LS LSL LT EUR LU EUR LV EUR LY LYD MA MAD MC EUR MD MDL ME EUR
MF EUR MG MGA MH USD MK MKD ML XOF MM MMK MN MNT MO MOP MP USD MQ EUR MR MRU MS XCD MT EUR MU MUR MV MVR
MW MWK MX MXN MY MYR MZ MZN NA NAD NC XPF NE XOF NF AUD NG NGN NI NIO NL EUR NO NOK NP NPR NR AUD NU NZD
NZ NZD OM OMR PA PAB PE PEN PF XPF PG PGK PH PHP PK PKR PL PLN PM EUR PN NZD PR USD PS ILS PT EUR PW USD
PY PYG QA QAR RE EUR RO RON RS RSD RU RUB RW RWF SA SAR SB SBD SC SCR SD SDG SE SEK SG SGD SH SHP SI EUR
SK EUR SL SLE SM EUR SN XOF SO SOS SR SRD SS SSP ST STN SV USD SX ANG SY SYP SZ SZL TC USD TD XAF TG XOF
TH THB TJ TJS TK NZD TL USD TM TMT TN TND TO TOP TR TRY TT TTD TV AUD TW TWD TZ TZS UA UAH UG UGX UM USD
US USD UY UYU UZ UZS VA EUR VC XCD VE VES VG USD VI USD VN VND VU VUV WF XPF WS WST XK EUR YE YER YT EUR
ZA ZAR ZM ZMW ZW USD`
    .split(/\s+/)
    .flatMap((word, index, words) => (index % 2 === 0 ? [[word, words[index + 1]]] : [])),
) as Record<string, string>;

/** The currency of the locale's country ("de-AT" → EUR, "en" → USD), or null when it cannot tell. */
export function currencyOfLocale(locale: string): string | null {
  try {
    const region = new Intl.Locale(locale).maximize().region;
    const code = region ? BY_REGION[region] : undefined;
    return code && isCurrency(code) ? code : null;
  } catch {
    return null;
  }
}

const names = new Intl.DisplayNames(undefined, { type: 'currency' });

/** "EUR – Euro", in the runtime's language, for a list to choose from. */
export const currencyLabel = (code: string): string => `${code} – ${names.of(code) ?? code}`;

// A document's language from its script when its file names none: Chinese, Japanese (kana
// among the Han), Korean, Persian (its own letters among the Arabic), Arabic, Hebrew; none
// for Latin or Cyrillic text, or for an English report quoting a Persian name. Declared
// tags are kept in BCP 47 form, and right-to-left languages are marked so.
import { describe, expect, it } from 'vitest';
import {
  cleanLanguageTag,
  directionOf,
  languageOfScript,
  withLanguage,
} from '../../src/shared/language';

describe('the language of a script', () => {
  it.each([
    ['伊朗司法总监埃杰伊主持了会议，讨论人权记录。', 'zh'],
    ['イランの司法長官が会議を主宰し、人権について話し合った。', 'ja'],
    ['이란 사법부 수장이 인권 회의를 주재했다.', 'ko'],
    ['دادگاه استکهلم حمید نوری را به حبس ابد محکوم کرد.', 'fa'],
    ['عقدت المحكمة جلسة للنظر في القضية يوم الاثنين.', 'ar'],
    ['בית המשפט בשטוקהולם גזר מאסר עולם.', 'he'],
    ['Le tribunal de Stockholm a condamné Hamid Noury.', undefined],
    ['Стокгольмский суд приговорил его к пожизненному заключению.', undefined],
    ['The court in Stockholm sentenced حمید نوری to life in prison in July 2022.', undefined],
    ['短', undefined],
  ])('%s → %s', (text, language) => expect(languageOfScript(text)).toBe(language));

  it('keeps a declared language in BCP 47 form, and gives right-to-left ones their direction', () => {
    expect(cleanLanguageTag('fr_FR')).toBe('fr-FR');
    expect(cleanLanguageTag(' zh-hant-tw ')).toBe('zh-Hant-TW');
    expect(cleanLanguageTag('not a tag')).toBeUndefined();
    expect(directionOf('fa-IR')).toBe('rtl');
    expect(directionOf('fr')).toBe('ltr');
    expect(directionOf(undefined)).toBeUndefined();
    expect(withLanguage({ language: 'fr_CA' }, 'Bonjour')).toEqual({ language: 'fr-CA' });
    expect(withLanguage({}, 'دادگاه استکهلم حمید نوری را محکوم کرد')).toEqual({
      language: 'fa',
      direction: 'rtl',
    });
    // A declared direction wins; a Latin text is left unnamed.
    expect(withLanguage({ direction: 'ltr' as const }, 'عقدت المحكمة جلسة للنظر')).toEqual({
      language: 'ar',
      direction: 'ltr',
    });
    expect(withLanguage({}, 'Plain English words here.')).toEqual({});
  });
});

/** Templated social mentions in English, French, Spanish and Romanian, with a known tone. */
import { arrivalTime } from './calendar';
import { timestamp, type CsvOut } from './csvOut';
import { products } from './model';
import type { Random } from './prng';

type Tone = 'positive' | 'neutral' | 'negative';

const templates: Record<string, Record<Tone, string[]>> = {
  en: {
    positive: [
      'Loving the {p} from @bean_and_leaf, best coffee I have had all year!',
      'Fast delivery and great quality. The {p} is excellent, highly recommend.',
      'Just got my {p}. Beautiful packaging and amazing taste 😍',
      'Customer service was super helpful, thank you! Happy with my {p}.',
    ],
    neutral: [
      'Ordered the {p} today, should arrive next week.',
      'Does anyone know if the {p} ships to Ireland?',
      'Switching from tea to coffee, trying the {p} this month.',
    ],
    negative: [
      'My {p} arrived broken and nobody answers my emails. Terrible service.',
      'Disappointed with the {p}, it tastes stale and the refund is slow.',
      'Third late delivery in a row. Not ordering the {p} again, awful.',
    ],
  },
  fr: {
    positive: [
      "J'adore le {p} de chez Bean & Leaf, excellent et livré rapidement !",
      'Super qualité, le {p} est délicieux. Je recommande vivement.',
      'Service client très sympa et efficace, merci ! Très contente du {p}.',
    ],
    neutral: ["Commande du {p} passée aujourd'hui, livraison prévue lundi.", 'Quelqu’un a testé le {p} ? Je compare avec mon café habituel.'],
    negative: [
      'Colis arrivé abîmé, le {p} est cassé et personne ne répond. Très déçu.',
      'Le {p} est décevant, goût médiocre et remboursement toujours pas reçu.',
      'Encore un retard de livraison, service nul. Je ne commanderai plus.',
    ],
  },
  es: {
    positive: [
      'Me encanta el {p}, ¡el mejor café que he probado! Envío rapidísimo.',
      'Excelente calidad y atención al cliente genial. Muy contenta con el {p}.',
      'El {p} llegó perfecto, precioso y delicioso. Lo recomiendo.',
    ],
    neutral: ['Pedí el {p} hoy, llega la semana que viene.', '¿Alguien sabe si el {p} sirve para cafetera italiana?'],
    negative: [
      'El {p} llegó roto y nadie contesta. Pésimo servicio.',
      'Muy decepcionado con el {p}, sabe rancio y el reembolso tarda muchísimo.',
      'Otra vez retraso en la entrega, horrible. No vuelvo a comprar.',
    ],
  },
  ro: {
    positive: [
      'Ador {p} de la Bean & Leaf, cea mai bună cafea! Livrare rapidă.',
      'Calitate excelentă și suport foarte amabil. Sunt foarte mulțumită de {p}.',
      'Am primit {p}, ambalaj frumos și gust minunat. Recomand!',
    ],
    neutral: ['Am comandat {p} azi, ar trebui să ajungă săptămâna viitoare.', 'Știe cineva dacă {p} merge la espressor?'],
    negative: [
      'Coletul a ajuns deteriorat, {p} spart și nimeni nu răspunde. Dezamăgit.',
      'Foarte slab, {p} are gust vechi și rambursarea întârzie.',
      'Iar întârziere la livrare, serviciu groaznic. Nu mai comand.',
    ],
  },
};

const languages = [
  ['en', 50],
  ['fr', 20],
  ['es', 18],
  ['ro', 12],
] as const;

const tones = [
  ['positive', 55],
  ['neutral', 27],
  ['negative', 18],
] as const;

export function mention(random: Random, product: string): { lang: string; tone: Tone; text: string } {
  const lang = random.weighted(languages);
  const tone = random.weighted(tones);
  const text = random.pick(templates[lang][tone]).replace('{p}', product);
  return { lang, tone, text };
}

const platforms = [['x', 30], ['instagram', 25], ['facebook', 20], ['tiktok', 15], ['reddit', 10]] as const;
const handles = ['cafe', 'bean', 'morning', 'latte', 'brew', 'ceai', 'cafea', 'cafetito'];
const mentionable = products.filter(([name]) => name !== 'Gift card').map(([name]) => name);

/** Mentions spread over the range like customer arrivals; sentiment is left for the app's scorer. */
export function writeMentions(random: Random, out: CsvOut, count: number) {
  for (let i = 0; i < count; i++) {
    const m = mention(random, random.pick(mentionable));
    const platform = random.weighted(platforms);
    const author = `@${random.pick(handles)}_${random.int(10, 9999)}`;
    out.write([timestamp(arrivalTime(random)), m.text, platform, author, m.lang, null]);
  }
}

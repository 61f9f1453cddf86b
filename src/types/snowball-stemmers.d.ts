declare module 'snowball-stemmers' {
  const factory: { newStemmer(language: string): { stem(word: string): string }; algorithms(): string[] };
  export default factory;
}

import { Injectable, signal } from '@angular/core';

/** Speaks Dutch words with the browser's speech synthesis, when it has a Dutch (nl) voice. */
@Injectable({ providedIn: 'root' })
export class DutchSpeech {
  readonly available = signal(false);
  private voice: SpeechSynthesisVoice | null = null;

  constructor() {
    if (typeof window === 'undefined' || !('speechSynthesis' in window)) return;
    const pick = () => {
      const voices = window.speechSynthesis.getVoices();
      this.voice = voices.find((voice) => voice.lang.replace('_', '-').toLowerCase() === 'nl-nl') ?? voices.find((voice) => voice.lang.toLowerCase().startsWith('nl')) ?? null;
      this.available.set(this.voice !== null);
    };
    pick();
    window.speechSynthesis.addEventListener('voiceschanged', pick);
  }

  speak(text: string): void {
    if (!this.voice || !text) return;
    window.speechSynthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = 'nl-NL';
    utterance.voice = this.voice;
    utterance.rate = 0.9;
    window.speechSynthesis.speak(utterance);
  }
}

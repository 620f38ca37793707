/** A turn of an Acme conversation. */
export interface AcmeTurn {
  speaker: "system" | "user" | "acme";
  text: string;
}

/** `POST /v1/generate`. */
export interface AcmeRequest {
  model: string;
  turns: AcmeTurn[];
  max_words?: number;
  stream?: boolean;
}

/** Acme's word counts. */
export interface AcmeUsage {
  words_in: number;
  words_out: number;
}

/** A whole Acme answer. */
export interface AcmeAnswer {
  id: string;
  text: string;
  /** `done` when the model finished, `cut` when `max_words` stopped it. */
  finish: "done" | "cut";
  usage: AcmeUsage;
}

/** The data of a streamed `delta` event. */
export interface AcmeDeltaEvent {
  text: string;
}

/** The data of the streamed `end` event. */
export interface AcmeEndEvent {
  finish: AcmeAnswer["finish"];
  usage: AcmeUsage;
}

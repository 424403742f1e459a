import { type ClipboardEvent, type DragEvent, type MouseEvent, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { EvidenceSourceSchema } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';
import { pastedFiles, precheckFile, readAsBase64 } from './evidence-files';

export type FileSource = z.infer<typeof EvidenceSourceSchema>;
export type Upload = { key: number; fileName: string; phase: 'reading' | 'saving'; progress: number };
export type Problem = { key: number; message: string };

// Electron has a native dialog whose files the main process reads from disk itself (no base64 round trip); the web
// harness answers evidence:pick with UNAVAILABLE and the page reads files with FileReader.
let transport: Promise<'electron' | 'web-harness'> | undefined;
const whichTransport = () => {
  transport ??= call('app:info', {}).then(
    (info) => info.transport,
    () => 'web-harness' as const,
  );
  return transport;
};

let nextKey = 1;

export type AttachQueueOptions = {
  validationId: string;
  maxBytes: number;
  /** Nothing can be attached: paste and drop are ignored. */
  locked?: boolean;
  /** Stores one file; resolves to what to announce to screen readers once it is stored. */
  attach: (fileName: string, source: FileSource) => Promise<string>;
  /** Said when a file could not be attached and the error does not name it. */
  notAttached: (fileName: string, error: string) => string;
};

/**
 * Files chosen, dropped or pasted, attached one after another (big files never pile up in memory), each with its
 * own progress; a refused file is reported by name and never stops the others.
 */
export function useAttachQueue({ validationId, maxBytes, locked = false, attach, notAttached }: AttachQueueOptions) {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const [dragging, setDragging] = useState(false);
  const [isElectron, setIsElectron] = useState(false);
  const queue = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    let live = true;
    void whichTransport().then((which) => live && setIsElectron(which === 'electron'));
    return () => {
      live = false;
    };
  }, []);

  const report = (message: string) => setProblems((list) => [...list, { key: nextKey++, message }]);
  const update = (key: number, change: Partial<Upload>) =>
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));

  const attachOne = (fileName: string, sizeBytes: number, readSource: (key: number) => Promise<FileSource>) => {
    const refused = precheckFile(fileName, sizeBytes, maxBytes);
    if (refused) {
      report(refused);
      return;
    }
    const key = nextKey++;
    setUploads((list) => [...list, { key, fileName, phase: 'reading', progress: 0 }]);
    queue.current = queue.current.then(async () => {
      try {
        const source = await readSource(key);
        update(key, { phase: 'saving', progress: 1 });
        setAnnouncement(await attach(fileName, source));
      } catch (error) {
        const message = errorMessage(error);
        report(message.includes(fileName) ? message : notAttached(fileName, message));
      } finally {
        setUploads((list) => list.filter((u) => u.key !== key));
      }
    });
  };

  const attachFiles = (files: File[]) => {
    for (const file of files) {
      attachOne(file.name, file.size, async (key) => ({
        kind: 'bytes',
        base64: await readAsBase64(file, (progress) => update(key, { progress })),
      }));
    }
  };

  const chooseWithNativeDialog = async () => {
    try {
      const picked = await call('evidence:pick', { validationId });
      for (const file of picked) {
        attachOne(file.fileName, file.sizeBytes, async () => ({ kind: 'picked', token: file.token }));
      }
    } catch (error) {
      report(errorMessage(error));
    }
  };

  return {
    uploads,
    problems,
    announcement,
    dragging,
    /** Says something to screen readers through the same live region. */
    announce: setAnnouncement,
    dismissProblems: () => setProblems([]),
    /** For the file input: Electron opens its own dialog; the harness keeps the browser's. */
    onInputClick: (event: MouseEvent<HTMLInputElement>) => {
      if (!isElectron) return;
      event.preventDefault();
      void chooseWithNativeDialog();
    },
    onInputChange: (input: HTMLInputElement) => {
      attachFiles(Array.from(input.files ?? []));
      input.value = ''; // the same file can be chosen again
    },
    /** For the drop and paste target around the input. */
    targetHandlers: {
      onPaste: (event: ClipboardEvent<HTMLElement>) => {
        if (locked) return;
        const files = pastedFiles(event.clipboardData, new Date());
        if (files.length === 0) return; // ordinary text pasted into a text box inside the target
        event.preventDefault();
        event.stopPropagation();
        attachFiles(files);
      },
      onDragOver: (event: DragEvent) => {
        if (locked || !event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      },
      onDragLeave: () => setDragging(false),
      onDrop: (event: DragEvent) => {
        if (locked) return;
        event.preventDefault();
        event.stopPropagation();
        setDragging(false);
        attachFiles(Array.from(event.dataTransfer.files));
      },
    },
  };
}

// Files dropped anywhere on the window are imported (unless the workspace is read-only);
// the window shows an outline while files are dragged over it.
import { useState, type DragEvent } from 'react';
import { selectWorkspaceReadOnly } from '../store/workspace';
import { useSelector, useWorkbench } from '../workbench/context';

export function useFileDrop(): {
  dragging: boolean;
  dropProps: {
    onDragOver: (event: DragEvent) => void;
    onDragLeave: (event: DragEvent) => void;
    onDrop: (event: DragEvent) => void;
  };
} {
  const { commands } = useWorkbench();
  const readOnly = useSelector(selectWorkspaceReadOnly);
  const [dragging, setDragging] = useState(false);
  return {
    dragging,
    dropProps: {
      onDragOver(event) {
        if (!event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      },
      onDragLeave(event) {
        if (event.currentTarget === event.target) setDragging(false);
      },
      onDrop(event) {
        event.preventDefault();
        setDragging(false);
        const files = [...event.dataTransfer.files];
        if (files.length && !readOnly) void commands.importFiles(files);
      },
    },
  };
}

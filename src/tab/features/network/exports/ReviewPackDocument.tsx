/**
 * A review pack as a plain, semantic HTML document: the title as h1, each section as h2 with its
 * paragraphs and its table (column headers with scope). Plain HTML so it prints the same in every
 * browser; every string is the practice's own text, rendered by React as text, never as markup.
 */
import type { ReviewPack } from '@domain/network';
import { REVIEW_PACK_CLASS } from './packPrintStyles';

export function ReviewPackDocument(props: { pack: ReviewPack; idPrefix: string }) {
  const { pack, idPrefix } = props;
  return (
    <article className={REVIEW_PACK_CLASS} aria-labelledby={`${idPrefix}-title`}>
      <h1 id={`${idPrefix}-title`}>{pack.title}</h1>
      <p className="review-subtitle">{pack.subtitle}</p>
      {pack.sections.map((section, index) => {
        const headingId = `${idPrefix}-section-${index}`;
        return (
          <section key={section.heading} aria-labelledby={headingId}>
            <h2 id={headingId}>{section.heading}</h2>
            {section.paragraphs.map((paragraph, paragraphIndex) => <p key={paragraphIndex}>{paragraph}</p>)}
            {section.table ? (
              <table aria-labelledby={headingId}>
                <thead>
                  <tr>{section.table.columns.map((column) => <th key={column} scope="col">{column}</th>)}</tr>
                </thead>
                <tbody>
                  {section.table.rows.length === 0 ? (
                    <tr><td colSpan={section.table.columns.length}>None.</td></tr>
                  ) : section.table.rows.map((row, rowIndex) => (
                    <tr key={rowIndex}>
                      {row.map((cell, cellIndex) => (cellIndex === 0 ? <th key={cellIndex} scope="row">{cell}</th> : <td key={cellIndex}>{cell}</td>))}
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </section>
        );
      })}
    </article>
  );
}

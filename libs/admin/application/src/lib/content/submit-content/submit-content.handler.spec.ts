import { ANNA, adminFixture, refusalOf, TAFEL, type AdminFixture } from '../../../test-support/memory-content';
import { CreateContentCommand } from '../create-content/create-content.command';
import { CreateContentHandler } from '../create-content/create-content.handler';
import { SubmitContentCommand } from './submit-content.command';
import { SubmitContentHandler } from './submit-content.handler';

describe('SubmitContentHandler', () => {
  let fixture: AdminFixture;
  let handler: SubmitContentHandler;

  beforeEach(() => {
    fixture = adminFixture();
    handler = new SubmitContentHandler(fixture.items, fixture.clock);
  });

  it('sends a draft to review once', async () => {
    const draft = await new CreateContentHandler(fixture.items, fixture.clock).execute(new CreateContentCommand(ANNA, 'words', TAFEL));
    expect(await handler.execute(new SubmitContentCommand(ANNA, 'words', draft.id, 1))).toMatchObject({ status: 'in_review', revision: 2, submittedBy: ANNA });
    expect(await refusalOf(handler.execute(new SubmitContentCommand(ANNA, 'words', draft.id)))).toMatchObject({ code: 'NOT_A_DRAFT' });
  });
});
